package cn.huiyin.platform.messaging.outbox;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service publishes to, once, before its first event is sent (brokers in production do not
 * create topics on demand). Runs on the relay's thread, so a broker that is down at start-up delays nothing else.
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final Collection<String> topics;
    private final int partitions;
    private final short replicationFactor;
    private volatile boolean created;

    public TopicProvisioner(Admin admin, Collection<String> topics, int partitions, short replicationFactor) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public void ensureCreated() {
        if (created || topics.isEmpty()) {
            return;
        }
        List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
        try {
            var results = admin.createTopics(newTopics).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(10, TimeUnit.SECONDS);
                    log.info("Created topic {} ({} partitions)", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            created = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Broker did not answer while creating topics " + topics, e);
        }
    }
}
