package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import cn.huiyin.intake.IntakeApplication;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestUser;
import cn.huiyin.triage.TriageApplication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acknowledged means durable, and services that disagree after a crash agree again by themselves: the process that
 * hosts Kafka and MongoDB (the launcher of {@code ./huiyin up}) is killed with SIGKILL ten times while window clerks
 * keep filing grievances, and started again on the same data each time. Intake and triage run in this JVM and must
 * reconnect on their own. Afterwards every grievance answered {@code 201} is readable in intake and was triaged
 * exactly once; nothing waits in intake's outbox.
 */
class KillUnderLoadTest {

    private static final int KILLS = 10;
    private static final int CLERKS = 3;
    /** Filings acknowledged between two kills, so that each kill lands in a steady stream of writes. */
    private static final int ACKNOWLEDGED_BETWEEN_KILLS = 12;
    /** Each clerk's pause after an answer: a steady stream of some ten filings a second, which two cores keep up with. */
    private static final Duration PAUSE_BETWEEN_FILINGS = Duration.ofMillis(250);
    private static final JsonMapper JSON = new JsonMapper();

    private static Path dataDir;
    private static InfrastructureProcess infrastructure;
    private static ConfigurableApplicationContext intake;
    private static ConfigurableApplicationContext triage;

    /** Tracking number → the words that only its filing used: a number handed out twice would show another text. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong filings = new AtomicLong();
    private final List<String> handedOutTwice = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> otherAnswers = new ConcurrentHashMap<>();
    private final AtomicBoolean filing = new AtomicBoolean(true);

    @BeforeAll
    static void startInfrastructureAndServices() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "kill-under-load-").toAbsolutePath();
        infrastructure = new InfrastructureProcess(dataDir);
        System.out.printf("Kill under load: infrastructure up in %d ms%n", infrastructure.start().toMillis());
        String run = UUID.randomUUID().toString().substring(0, 8);
        intake = start(IntakeApplication.class, "intake-kill-" + run);
        triage = start(TriageApplication.class, "triage-kill-" + run);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (intake != null) {
            intake.close();
        }
        if (triage != null) {
            triage.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String database) {
        return new SpringApplicationBuilder(application).run(
            "--server.port=0",
            "--huiyin.messaging.bootstrap-servers=" + infrastructure.kafkaBootstrap(),
            "--huiyin.mongodb.uri=" + infrastructure.mongoUri(),
            "--spring.mongodb.database=" + database,
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.get().issuer());
    }

    @Test
    void everyGrievanceAnswered201SurvivesTenKillsAndIsTriagedExactlyOnce() throws Exception {
        URI submit = URI.create("http://127.0.0.1:" + port(intake) + "/api/grievances");
        String token = TestIdentityProvider.get().token(TestUser.of("window-clerk"));
        ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
        for (int i = 0; i < CLERKS; i++) {
            clerks.submit(() -> fileUntilStopped(submit, token));
        }

        List<Long> restartMillis = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            awaitMoreAcknowledged(ACKNOWLEDGED_BETWEEN_KILLS);
            infrastructure.kill();
            restartMillis.add(infrastructure.start().toMillis());
        }
        awaitMoreAcknowledged(ACKNOWLEDGED_BETWEEN_KILLS);
        filing.set(false);
        clerks.shutdown();
        assertThat(clerks.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("Kill under load: %d grievances answered 201, other answers %s, infrastructure restarts "
            + "took %s ms%n", acknowledged.size(), otherAnswers, restartMillis);

        assertThat(handedOutTwice).as("tracking numbers answered for two filings").isEmpty();
        HttpJson intakeApi = HttpJson.at(port(intake)).as(TestUser.of("window-clerk"));
        // Durable acknowledgement: every 201 is still there, with the text of its own filing.
        assertThat(acknowledged).allSatisfy((id, words) -> {
            HttpJson.Response read = intakeApi.get("/api/grievances/" + id);
            assertThat(read.status()).as("intake has %s", id).isEqualTo(200);
            assertThat(read.json().get("description").asString()).as("%s is the grievance filed", id).endsWith(words);
        });
        long settling = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(acknowledged.keySet()).allSatisfy(id ->
                    assertThat(triageCase(id)).as("triage case of %s", id).isNotNull()));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            printTriageLag();
            acknowledged.keySet().stream().filter(id -> triageCase(id) == null).forEach(this::explainWhereItStopped);
            throw e;
        }
        System.out.printf("Kill under load: every acknowledged grievance triaged %.1f s after the last restart%n",
            (System.nanoTime() - settling) / 1e9);

        assertThat(acknowledged.keySet()).allSatisfy(id ->
            assertThat(triageCase(id).get("version", Number.class).longValue()).as("%s triaged once", id).isZero());
        assertTriagedOnceOnTheTopic();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            intake.getBean(MongoTemplate.class).getCollection("grievances")
                .countDocuments(new Document("outbox.0", new Document("$exists", true)))).isZero());
    }

    /** Looked up by id only: the embedded store answers that from its index, a count would scan the collection. */
    private static Document triageCase(String id) {
        return triage.getBean(MongoTemplate.class).getCollection("cases").find(new Document("_id", id)).first();
    }

    /** Triage's committed offsets against the ends of intake's topic: for the failure message. */
    private static void printTriageLag() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", infrastructure.kafkaBootstrap()))) {
            var committed = admin.listConsumerGroupOffsets("triage").partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS);
            var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(p -> p,
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS);
            committed.forEach((partition, offset) -> System.out.printf("Triage at %s: committed %s, end %d%n",
                partition, offset == null ? "-" : offset.offset(), ends.get(partition).offset()));
        } catch (Exception e) {
            System.out.println("Triage's offsets could not be read: " + e);
        }
    }

    /** Where a grievance that never reached triage stopped on its way: for the failure message. */
    private void explainWhereItStopped(String id) {
        Document grievance = intake.getBean(MongoTemplate.class).getCollection("grievances")
            .find(new Document("_id", id)).first();
        long marker = intake.getBean(MongoTemplate.class).getCollection("outbox_pending")
            .countDocuments(new Document("aggregateId", id));
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(infrastructure.kafkaBootstrap(),
            "huiyin.intake.grievance.v1", "error.huiyin.intake.grievance.v1.triage")) {
            List<String> records = reader.drain(r -> id.equals(r.key()), Duration.ofSeconds(3)).stream()
                .map(r -> r.topic() + "-" + r.partition() + "@" + r.offset() + " " + header(r, "ce_id") + " "
                    + triage.getBean(MongoTemplate.class).getCollection("processed_events")
                        .find(new Document("eventId", header(r, "ce_id"))).first()
                    + (r.headers().lastHeader("x-exception-message") == null ? ""
                        : " (" + header(r, "x-exception-message").lines().findFirst().orElse("") + ")"))
                .toList();
            System.out.printf("Not triaged: %s; in intake: %s, outbox %s, marker %d, records %s%n", id,
                grievance != null, grievance == null ? "-" : grievance.get("outbox"), marker, records);
        }
    }

    /** Every acknowledged grievance has exactly one GrievanceTriaged event (a redelivered record has the same id). */
    private void assertTriagedOnceOnTheTopic() {
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(infrastructure.kafkaBootstrap(),
            "huiyin.triage.case.v1")) {
            List<ConsumerRecord<String, byte[]>> triaged = reader.await(this::isTriaged, acknowledged.size(),
                Duration.ofSeconds(30));
            triaged = reader.drain(this::isTriaged, Duration.ofSeconds(2));
            Map<String, Set<String>> eventIds = triaged.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> header(r, "ce_id"), Collectors.toSet())));
            assertThat(acknowledged.keySet()).allSatisfy(id -> assertThat(eventIds.get(id)).as("triage events of %s", id)
                .hasSize(1));
        }
    }

    private boolean isTriaged(ConsumerRecord<String, byte[]> record) {
        return "cn.huiyin.triage.GrievanceTriaged.v1".equals(header(record, "ce_type"))
            && acknowledged.containsKey(record.key());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A window clerk filing one grievance after another; only a 201 with a tracking number counts as accepted. */
    private void fileUntilStopped(URI submit, String token) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ObjectNode grievance = (ObjectNode) JSON.readTree(ThinPathTest.GRIEVANCE);
        String description = grievance.get("description").asString();
        while (filing.get()) {
            String words = "（第" + filings.incrementAndGet() + "份）";
            grievance.put("description", description + words);
            HttpRequest request = HttpRequest.newBuilder(submit).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(grievance))).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    String id = JSON.readTree(response.body()).get("trackingNumber").asString();
                    if (acknowledged.putIfAbsent(id, words) != null) {
                        handedOutTwice.add(id);
                    }
                } else {
                    count(Integer.toString(response.statusCode()));
                }
                Thread.sleep(PAUSE_BETWEEN_FILINGS.toMillis());
            } catch (IOException e) {
                count(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void count(String answer) {
        otherAnswers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
    }

    private void awaitMoreAcknowledged(int more) {
        int target = acknowledged.size() + more;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
            .until(() -> acknowledged.size() >= target);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
