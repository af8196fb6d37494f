package cn.huiyin.platform.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

import cn.huiyin.platform.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.messaging.MessagingException;

/**
 * A record's failures are judged one by one, by kind, on a real broker: the kind of the latest failure decides how
 * long the record keeps its place, whatever came before.
 */
class FailureKindsTest {

    private final InboundFailures failures = new InboundFailures(Duration.ofMillis(300), Duration.ofSeconds(5));
    private final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    private final List<String> deadLettered = Collections.synchronizedList(new ArrayList<>());
    private KafkaMessageListenerContainer<String, String> container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void aStoreThatGoesAwayAfterADefectLikeFailureIsWaitedForNotDeadLettered() throws Exception {
        // What a dropped connection does to a consumer: a write whose reply was lost fails as a duplicate when tried
        // again, then the store is away for longer than a defect's two quick retries.
        Deque<Supplier<RuntimeException>> script = new ConcurrentLinkedDeque<>(List.of(
            () -> new DuplicateKeyException("E11000 duplicate key (reply lost, write done)"),
            this::storeAway, this::storeAway, this::storeAway, this::storeAway, this::storeAway));

        run(script, "HY-20261201-000001");

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("HY-20261201-000001"));
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aDefectAfterTheStoreCameBackIsRetriedTwiceAndDeadLettered() throws Exception {
        Deque<Supplier<RuntimeException>> script = new ConcurrentLinkedDeque<>(List.of(
            this::storeAway, this::storeAway, this::defect, this::defect, this::defect, this::defect, this::defect));

        run(script, "HY-20261201-000002");

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettered.contains("HY-20261201-000002"));
        assertThat(handled).isEmpty();
        assertThat(script).as("two failures of the store, a defect and its two retries").hasSize(2);
    }

    private RuntimeException storeAway() {
        return new DataAccessResourceFailureException("Timed out while waiting for a server");
    }

    private RuntimeException defect() {
        return new IllegalStateException("a rule the event breaks");
    }

    private void run(Deque<Supplier<RuntimeException>> script, String key) throws Exception {
        String topic = "failure-kinds-" + UUID.randomUUID();
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get();
        }
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("failure-kinds");
        // As the binder does: the handler's exception reaches the container wrapped in a messaging exception.
        properties.setMessageListener((MessageListener<String, String>) (ConsumerRecord<String, String> record) -> {
            Supplier<RuntimeException> next = script.poll();
            if (next != null) {
                throw new MessagingException("Exception thrown while invoking the handler", next.get());
            }
            handled.add(record.key());
        });
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(), new StringDeserializer()), properties);
        container.setCommonErrorHandler(new ByKindErrorHandler(
            (record, failure) -> deadLettered.add((String) record.key()), failures));
        container.start();
    }
}
