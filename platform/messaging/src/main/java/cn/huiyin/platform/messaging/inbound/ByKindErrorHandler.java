package cn.huiyin.platform.messaging.inbound;

import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The container's error handler, seeing each failure as its {@link InboundFailures.Kind}. Spring Kafka keeps one
 * back-off per failed record and starts a new one only when the exception's class changes; the binder wraps every
 * handler's exception in the same messaging exception, so without this the first failure's kind would decide for all
 * later ones — a record that first met a defect-like error (a write whose reply a dropped connection lost) and then
 * twenty seconds of a store that is away was dead-lettered after two quick retries. Here each failure reaches the
 * tracker as a class of its own kind, so a change of kind starts that kind's back-off afresh.
 */
final class ByKindErrorHandler extends DefaultErrorHandler {

    ByKindErrorHandler(ConsumerRecordRecoverer recoverer, InboundFailures failures) {
        // Never a back-off without retries here: Spring Kafka then recovers every record at once and never asks the
        // back-off function (it did, and every failure, a store outage too, went straight to the dead letters).
        super(recoverer, new FixedBackOff(200, 2));
        setBackOffFunction((record, failure) -> failures.backOff(failure));
        setResetStateOnExceptionChange(true);
        addNotRetryableExceptions(MalformedEventException.class, ParkedBehindException.class);
    }

    @Override
    public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                MessageListenerContainer container) {
        super.handleRemaining(KindOfFailure.of(thrownException), records, consumer, container);
    }

    @Override
    public boolean handleOne(Exception thrownException, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
                             MessageListenerContainer container) {
        return super.handleOne(KindOfFailure.of(thrownException), record, consumer, container);
    }

    /** A failure wrapped in a class per kind; the original is its cause. */
    abstract static class KindOfFailure extends RuntimeException {

        KindOfFailure(Exception failure) {
            super(failure.getMessage(), failure);
        }

        static KindOfFailure of(Exception failure) {
            if (failure instanceof KindOfFailure known) {
                return known;
            }
            return switch (InboundFailures.classify(failure)) {
                case POISON -> new Poison(failure);
                case INFRASTRUCTURE -> new Infrastructure(failure);
                case NOT_YET -> new NotYet(failure);
                case DEFECT -> new Defect(failure);
            };
        }
    }

    static final class Poison extends KindOfFailure {
        Poison(Exception failure) {
            super(failure);
        }
    }

    static final class Infrastructure extends KindOfFailure {
        Infrastructure(Exception failure) {
            super(failure);
        }
    }

    static final class NotYet extends KindOfFailure {
        NotYet(Exception failure) {
            super(failure);
        }
    }

    static final class Defect extends KindOfFailure {
        Defect(Exception failure) {
            super(failure);
        }
    }
}
