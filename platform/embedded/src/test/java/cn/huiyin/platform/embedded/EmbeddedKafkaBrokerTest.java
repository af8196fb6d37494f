package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void recordsWrittenBeforeARestartCanBeReadAfterIt() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker("127.0.0.1", 0, 0, dir.resolve("kafka"), 3).start();
        try {
            send(broker, "G-1", "first");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();

            broker.start();
            send(broker, "G-1", "second");

            assertThat(readAll(broker, 2)).containsExactly("first", "second");
        } finally {
            broker.stop();
        }
    }

    @Test
    void topicsKeepTheirFullHistory() throws Exception {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker("127.0.0.1", 0, 0, dir.resolve("kafka"), 3).start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            send(broker, "G-1", "first");
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "huiyin.test.v1");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);

            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        } finally {
            broker.stop();
        }
    }

    private static void send(EmbeddedKafkaBroker broker, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            "bootstrap.servers", broker.bootstrapServers(), "acks", "all", "enable.idempotence", "true"),
            new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("huiyin.test.v1", key, value)).get();
        }
    }

    private static List<String> readAll(EmbeddedKafkaBroker broker, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            "bootstrap.servers", broker.bootstrapServers(), "group.id", "reader", "auto.offset.reset", "earliest"),
            new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("huiyin.test.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
