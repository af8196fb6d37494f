package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import cn.huiyin.intake.IntakeApplication;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.TcpProxy;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import cn.huiyin.triage.TriageApplication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB goes away for 20 s while workers keep filing and handlers keep signing for cases. Afterwards every
 * grievance acknowledged with 201 is in intake and was triaged exactly once, every signed-for case reached intake
 * after its assignment (in order), and nothing went to a dead-letter topic: a store outage is not poison.
 */
class MongoOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final TestUser COMMITTEE_HANDLER = TestUser.of("org-handler", "org-committee-online-delivery", "510100");

    private final TcpProxy proxy = TcpProxy.forMongo(TestInfrastructure.get().mongoUri());
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    /** Alone on the broker: the shared loop's services would share this test's consumer groups. */
    @BeforeAll
    static void withoutTheSharedLoop() {
        TheLoop.stop();
    }

    @AfterEach
    void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
        proxy.close();
    }

    @Test
    void twentySecondsWithoutMongoDbUnderLoadLoseNothingDoubleNothingAndDeadLetterNothing() throws Exception {
        ConfigurableApplicationContext intakeApp = start(IntakeApplication.class, "intake");
        ConfigurableApplicationContext triageApp = start(TriageApplication.class, "triage");
        HttpJson intake = http(intakeApp).as(TestUser.of("window-clerk"));
        HttpJson triage = http(triageApp).as(TestUser.of("triage-officer"));
        HttpJson handler = http(triageApp).as(COMMITTEE_HANDLER);

        // Tracking numbers restart in every test's own intake database: count only what this test's services wrote.
        Map<TopicPartition, Long> before = endOffsets("huiyin.intake.grievance.v1", "huiyin.triage.case.v1");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> signedFor = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread filing = new Thread(() -> {
            while (loading.get()) {
                HttpJson.Response filed = intake.post("/api/grievances", ThinPathTest.GRIEVANCE);
                if (filed.status() == 201) {
                    acknowledged.add(filed.json().get("trackingNumber").asString());
                } else {
                    refused.incrementAndGet();
                }
                sleep(Duration.ofMillis(200));
            }
        }, "filing-load");
        // The committee signs for what has reached it; while MongoDB is away these fail and are tried again.
        Thread signing = new Thread(() -> {
            while (loading.get()) {
                for (String id : acknowledged) {
                    if (!signedFor.contains(id) && handler.post("/api/grievances/" + id + "/accept", "").status() == 200) {
                        signedFor.add(id);
                    }
                }
                sleep(Duration.ofMillis(200));
            }
        }, "signing-load");
        filing.start();
        signing.start();

        sleep(Duration.ofSeconds(6));
        proxy.cut();
        long cutAt = System.nanoTime();
        sleep(OUTAGE);
        proxy.restore();
        System.out.printf("MongoDB away for %.1f s; %d grievances acknowledged so far, %d requests refused%n",
            (System.nanoTime() - cutAt) / 1e9, acknowledged.size(), refused.get());
        sleep(Duration.ofSeconds(8));
        loading.set(false);
        filing.join();
        signing.join();

        assertThat(acknowledged).hasSizeGreaterThan(10);
        assertThat(signedFor).isNotEmpty();
        long recoveryStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            assertThat(acknowledged).allSatisfy(id -> assertThat(triage.get("/api/grievances/" + id).status()).isEqualTo(200)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            assertThat(signedFor).allSatisfy(id -> assertThat(intake.get("/api/grievances/" + id).json()
                .get("status").asString()).as(id).isEqualTo("IN_PROGRESS")));
        System.out.printf("All %d acknowledged grievances triaged, %d signed-for cases in progress in intake, %.1f s "
            + "after the load ended%n", acknowledged.size(), signedFor.size(), (System.nanoTime() - recoveryStart) / 1e9);

        MongoTemplate intakeDb = intakeApp.getBean(MongoTemplate.class);
        MongoTemplate triageDb = triageApp.getBean(MongoTemplate.class);
        for (String id : acknowledged) {
            assertThat(intakeDb.getCollection("grievances").countDocuments(new Document("_id", id))).as(id).isEqualTo(1);
            assertThat(triageDb.getCollection("cases").countDocuments(new Document("_id", id))).as(id).isEqualTo(1);
        }
        assertThat(intakeDb.getCollection("parked_subjects").countDocuments()).isZero();
        assertThat(triageDb.getCollection("parked_subjects").countDocuments()).isZero();
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(TestInfrastructure.get().kafkaBootstrapServers(),
            "huiyin.intake.grievance.v1", "huiyin.triage.case.v1")) {
            List<ConsumerRecord<String, byte[]>> records = reader.drain(r -> acknowledged.contains(r.key())
                && r.offset() >= before.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L), Duration.ofSeconds(5));
            // An event whose removal from the outbox failed as MongoDB went away is sent again once it is back: the
            // same event (one ce_id), a duplicate record that consumers ignore (ADR 0002, 0003), never a second event.
            Map<String, Long> submitted = records.stream()
                .filter(r -> header(r, "ce_type").equals("cn.huiyin.intake.GrievanceSubmitted.v1"))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.collectingAndThen(Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet()),
                        ids -> (long) ids.size())));
            assertThat(submitted).hasSize(acknowledged.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
            Map<String, Long> assigned = records.stream()
                .filter(r -> header(r, "ce_type").equals("cn.huiyin.triage.GrievanceAssigned.v1"))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.collectingAndThen(Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet()),
                        ids -> (long) ids.size())));
            assertThat(assigned).hasSize(acknowledged.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String... topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
            TestInfrastructure.get().kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private ConfigurableApplicationContext start(Class<?> application, String name) {
        // Short driver time-outs, as production has them: a request or consumer facing a lost store fails in seconds.
        String mongoUri = proxy.mongoUri() + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000&socketTimeoutMS=5000";
        ConfigurableApplicationContext context = TheLoop.startService(application, mongoUri,
            name + "-outage-" + run, "--huiyin.messaging.retry-max-backoff=2s");
        contexts.add(context);
        return context;
    }

    private static HttpJson http(ConfigurableApplicationContext context) {
        return HttpJson.at(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
