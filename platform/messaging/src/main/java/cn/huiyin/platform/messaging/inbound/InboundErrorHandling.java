package cn.huiyin.platform.messaging.inbound;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.util.backoff.BackOff;

/**
 * Takes retries and dead letters out of the binder and into each listener container's error handler, where the
 * failed record keeps its place: the container seeks back to it and retries after the back-off that
 * {@link InboundFailures} gives its kind of failure, so later records of the partition wait (nothing overtakes a
 * grievance's event), and records the back-off gives up on go to {@link DeadLetters}.
 *
 * <p>It also sets how often the container commits offsets: once per commit interval rather than after every poll,
 * which at a few events per poll was a synchronous round trip to the group coordinator per event (ADR 0039); and
 * partitions assigned make {@link ParkedEvents} look again ({@link ParkedOnAssignment}).
 */
public class InboundErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    private final InboundFailures failures;
    private final DeadLetters deadLetters;
    private final Duration commitInterval;
    private final ParkedEvents parked;

    public InboundErrorHandling(InboundFailures failures, DeadLetters deadLetters, Duration commitInterval,
                                ParkedEvents parked) {
        this.failures = failures;
        this.deadLetters = deadLetters;
        this.commitInterval = commitInterval;
        this.parked = parked;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        ByKindErrorHandler handler = new ByKindErrorHandler(
            (record, failure) -> deadLetters.accept(record, failure, group), failures);
        container.setCommonErrorHandler(handler);
        ContainerProperties properties = container.getContainerProperties();
        properties.setConsumerRebalanceListener(
            new ParkedOnAssignment(properties.getConsumerRebalanceListener(), parked));
        if (!commitInterval.isZero() && !commitInterval.isNegative()) {
            properties.setAckMode(ContainerProperties.AckMode.TIME);
            properties.setAckTime(commitInterval.toMillis());
        }
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
