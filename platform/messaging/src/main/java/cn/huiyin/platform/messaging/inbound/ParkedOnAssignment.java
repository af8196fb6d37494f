package cn.huiyin.platform.messaging.inbound;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * The binder's rebalance listener, plus: partitions newly assigned make {@link ParkedEvents} look again, so their
 * first events see what the instance that held them parked (the binder's own listener, if any, runs as before).
 */
final class ParkedOnAssignment implements ConsumerAwareRebalanceListener {

    private final ConsumerRebalanceListener delegate;
    private final ParkedEvents parked;

    ParkedOnAssignment(ConsumerRebalanceListener delegate, ParkedEvents parked) {
        this.delegate = delegate;
        this.parked = parked;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        parked.forget();
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsAssigned(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsAssigned(partitions);
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsRevoked(partitions);
        }
    }

    @Override
    public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsRevokedAfterCommit(consumer, partitions);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (delegate instanceof ConsumerAwareRebalanceListener aware) {
            aware.onPartitionsLost(consumer, partitions);
        } else if (delegate != null) {
            delegate.onPartitionsLost(partitions);
        }
    }
}
