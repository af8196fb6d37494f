package cn.huiyin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Leaders see how many grievances came in — their own district's, or the whole city's — and nothing personal. */
@ServiceTest
class CountingGrievancesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private final TestUser longquanyiViewer = TestUser.of("dashboard-viewer", "org-district-lqy", "510112");
    private final TestUser cityViewer = TestUser.of("dashboard-viewer", "org-city-swb", "510100");

    @BeforeEach
    void resetClock() {
        clock.set(TestInstants.DEFAULT);
        // Other scenarios in this shared context start rebuilds (the access table's probe as admin, the rebuild test);
        // counting before and after while one switches generations would compare two projections.
        HttpJson admin = HttpJson.at(port).as(TestUser.of("admin"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpJson.Response latest = admin.get("/api/dashboard/projection/rebuilds/latest");
            return latest.status() != 200 || List.of("DONE", "FAILED").contains(latest.json().get("phase").asString());
        });
    }

    @Test
    void eachLeaderSeesTheCountsOfTheirOwnJurisdiction() throws Exception {
        long longquanyiBefore = total(longquanyiViewer);
        long cityBefore = total(cityViewer);

        submit("510112002", "INJURY_INSURANCE");
        submit("510112001", "PARKING_ACCESS");
        submit("510104001", "WAGES");

        await().atMost(Duration.ofSeconds(30)).until(() -> total(cityViewer) == cityBefore + 3);
        // Read until it shows: a rebuild another scenario started may switch generations between the two reads, and
        // the new generation catches up with the same counts (RebuildFromHistoryTest) a moment later.
        JsonNode district = await().atMost(Duration.ofSeconds(30))
            .until(() -> HttpJson.at(port).as(longquanyiViewer).get("/api/dashboard/intake").json(),
                d -> d.get("total").asLong() == longquanyiBefore + 2);
        assertThat(district.get("total").asLong()).isEqualTo(longquanyiBefore + 2);
        assertThat(district.get("jurisdiction").asString()).isEqualTo("510112");
        assertThat(district.get("byDistrict").propertyNames()).containsOnly("510112");
        JsonNode city = HttpJson.at(port).as(cityViewer).get("/api/dashboard/intake").json();
        assertThat(city.get("byDistrict").propertyNames()).contains("510112", "510104");
        assertThat(city.toString()).doesNotContain("wk-", "workerRef");
    }

    @Test
    void aReversedPeriodIsABadRequest() {
        HttpJson.Response answer = HttpJson.at(port).as(cityViewer)
            .get("/api/dashboard/intake?from=2026-11-30&to=2026-11-01");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("code").asString() + "@"
            + e.get("field").asString())).containsExactly("period.reversed@from");
    }

    @Test
    void badParametersAreNamedAllAtOnce() {
        HttpJson.Response answer = HttpJson.at(port).as(cityViewer)
            .get("/api/dashboard/cases?metric=happiness&part=middle&period=2026-13&by=colour&size=0");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .containsExactlyInAnyOrder("metric", "part", "period", "by", "size");
        assertThat(answer.body()).doesNotContain("Exception");
    }

    @Test
    void aViewerOutsideTheirJurisdictionIsRefused() {
        HttpJson.Response answer = HttpJson.at(port).as(longquanyiViewer).get("/api/dashboard/figures?division=510104");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("code").asString()).isEqualTo("division.out-of-scope");
    }

    private long total(TestUser viewer) {
        return HttpJson.at(port).as(viewer).get("/api/dashboard/intake").json().get("total").asLong();
    }

    private static void submit(String divisionCode, String category) throws Exception {
        String id = "HY-20261122-" + String.format("%06d", (int) (Math.random() * 999_999) + 1);
        String data = Files.readString(Path.of("../../contracts/events/intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json"))
            .replace("HY-20261120-000017", id).replace("510112002", divisionCode)
            .replace("INJURY_INSURANCE", category)
            .replace("2026-11-20T02:35:12.481Z", "2026-12-01T02:35:12.481Z");
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "/huiyin/intake",
            "cn.huiyin.intake.GrievanceSubmitted.v1", Instant.parse("2026-12-01T02:35:13Z"), id, CloudEvent.JSON,
            data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("huiyin.intake.grievance.v1", id, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
            TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }
}
