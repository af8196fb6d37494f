package cn.huiyin.dashboard.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import cn.huiyin.dashboard.application.rebuild.HistoricEvent;
import cn.huiyin.dashboard.application.rebuild.History;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of the dashboard's topics from its first record, without joining a consumer group (assigned
 * partitions, nothing committed). A topic that does not exist fails the rebuild: a generation without it would go live
 * incomplete. A second consumer only asks what the live group {@code dashboard} has committed.
 */
final class KafkaHistoryReader implements History.Reader {

    private static final Duration LOOKUP = Duration.ofSeconds(15);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaConsumer<String, byte[]> live;
    private final Map<String, TopicPartition> slots = new HashMap<>();
    private final HistoricEvents events;

    KafkaHistoryReader(String bootstrapServers, List<String> topics, HistoricEvents events, int batchSize) {
        this.events = events;
        this.consumer = new KafkaConsumer<>(properties(bootstrapServers, "dashboard-rebuild", batchSize));
        this.live = new KafkaConsumer<>(properties(bootstrapServers, "dashboard", 1));
        try {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(LOOKUP);
            for (String topic : topics) {
                List<PartitionInfo> partitions = existing.get(topic);
                if (partitions == null || partitions.isEmpty()) {
                    throw new IllegalStateException("Topic " + topic + " does not exist yet; a rebuild needs every topic "
                        + "the dashboard reads (its consumers create them when they start)");
                }
                partitions.forEach(p -> slots.put(Slots.slot(topic, p.partition()), new TopicPartition(topic, p.partition())));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        consumer.assign(slots.values());
        consumer.seekToBeginning(slots.values());
    }

    private static Properties properties(String bootstrapServers, String group, int batchSize) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    @Override
    public Map<String, Long> endOffsets() {
        return bySlot(consumer.endOffsets(slots.values()));
    }

    @Override
    public Map<String, Long> beginningOffsets() {
        return bySlot(consumer.beginningOffsets(slots.values()));
    }

    @Override
    public Map<String, Long> positions() {
        Map<String, Long> positions = new HashMap<>();
        slots.forEach((slot, partition) -> positions.put(slot, consumer.position(partition)));
        return positions;
    }

    @Override
    public Map<String, Long> liveOffsets() {
        Map<TopicPartition, OffsetAndMetadata> committed = live.committed(new java.util.HashSet<>(slots.values()));
        Map<String, Long> offsets = new HashMap<>();
        slots.forEach((slot, partition) -> {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                offsets.put(slot, offset.offset());
            }
        });
        return offsets;
    }

    /** Reads what one poll brings (at most {@code max.poll.records}, the rebuild's batch size), up to the stops. */
    @Override
    public History.Batch poll(int max, Map<String, Long> stopAt) {
        List<TopicPartition> done = new ArrayList<>();
        List<TopicPartition> open = new ArrayList<>();
        slots.forEach((slot, partition) -> (consumer.position(partition) >= stopAt.getOrDefault(slot, 0L) ? done : open)
            .add(partition));
        consumer.pause(done);
        consumer.resume(open);
        List<HistoricEvent> read = new ArrayList<>();
        int records = 0;
        Map<TopicPartition, Long> overshot = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            String slot = Slots.slot(record.topic(), record.partition());
            long stop = stopAt.getOrDefault(slot, 0L);
            if (record.offset() >= stop) {
                overshot.putIfAbsent(new TopicPartition(record.topic(), record.partition()), stop);
                continue;
            }
            records++;
            events.read(record).ifPresent(read::add);
        }
        overshot.forEach(consumer::seek);
        return new History.Batch(read, records);
    }

    private Map<String, Long> bySlot(Map<TopicPartition, Long> offsets) {
        Map<String, Long> bySlot = new HashMap<>();
        slots.forEach((slot, partition) -> bySlot.put(slot, offsets.getOrDefault(partition, 0L)));
        return bySlot;
    }

    @Override
    public void close() {
        consumer.close();
        live.close();
    }
}
