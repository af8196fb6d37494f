package cn.huiyin.platform.messaging.inbound;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * Takes retries and dead letters out of the binder and into each listener container's error handler, where the
 * failed record keeps its place: the container seeks back to it and retries after the back-off that
 * {@link InboundFailures} gives its kind of failure, so later records of the partition wait (nothing overtakes a
 * grievance's event), and records the back-off gives up on go to {@link DeadLetters}.
 */
public class InboundErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    private final InboundFailures failures;
    private final DeadLetters deadLetters;

    public InboundErrorHandling(InboundFailures failures, DeadLetters deadLetters) {
        this.failures = failures;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        ByKindErrorHandler handler = new ByKindErrorHandler(
            (record, failure) -> deadLetters.accept(record, failure, group), failures);
        container.setCommonErrorHandler(handler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
