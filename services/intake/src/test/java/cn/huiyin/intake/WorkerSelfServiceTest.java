package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A rider follows his case from his phone with the tracking number and the query code from his receipt; guessing
 * the code gets nowhere.
 */
@ServiceTest
class WorkerSelfServiceTest {

    /** intake.yml: failures a tracking number allows per window, and the lock after them. */
    static final int FAILURES_PER_GRIEVANCE = 10;
    static final int FAILURES_PER_CLIENT = 30;
    static final Duration LOCK = Duration.ofHours(1);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MongoTemplate mongo;

    private final EventContracts contracts = new EventContracts();

    @BeforeEach
    void resetTheClock() {
        clock.set(TestInstants.DEFAULT);
    }

    @Test
    void theWorkerSeesWhereHisGrievanceStandsWithoutAnAccount() {
        Filed filed = file();

        HttpJson.Response answer = lookup(phone(), filed.id(), filed.code());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode progress = answer.json();
        assertThat(progress.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(progress.get("statusName").asString()).isEqualTo("已受理");
        assertThat(progress.get("history").get(0).get("noteZh").asString()).contains(filed.id());
        assertThat(progress.get("canSupplementOrWithdraw").asBoolean()).isTrue();
        assertThat(answer.body()).doesNotContain("13812341234", "李明", "clerk");
        String asWritten = filed.code().substring(0, 4) + "-" + filed.code().substring(4, 8) + " " + filed.code().substring(8);
        assertThat(lookup(phone(), filed.id(), asWritten).status()).isEqualTo(200);
    }

    @Test
    void aWrongCodeGetsTheSameAnswerAsAnUnknownNumber() {
        Filed filed = file();
        HttpJson http = phone();

        HttpJson.Response wrongCode = lookup(http, filed.id(), otherThan(filed.code()));
        HttpJson.Response unknown = lookup(http, "HY-20200101-000001", filed.code());

        assertThat(wrongCode.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongCode.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
        assertThat(wrongCode.json().get("code").asString()).isEqualTo(unknown.json().get("code").asString());
    }

    @Test
    void theLastFourDigitsOfTheMobileNoLongerOpenTheSelfService() {
        Filed filed = file();

        HttpJson.Response oldWay = phone().post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + filed.id() + "\", \"mobileLastFour\": \"1234\"}");
        HttpJson.Response lastFourAsCode = lookup(phone(), filed.id(), "1234");
        HttpJson.Response wholeMobile = lookup(phone(), filed.id(), "13812341234");

        assertThat(oldWay.status()).isEqualTo(400);
        assertThat(FilingAGrievanceTest.fields(oldWay.json())).contains("mobileLastFour");
        assertThat(lastFourAsCode.status()).isEqualTo(400);
        assertThat(wholeMobile.status()).as("a new grievance opens with its query code only").isEqualTo(404);
    }

    @Test
    void onceATrackingNumberIsLockedEveryAnswerIsTheSameTheRightCodeIncluded() {
        Filed filed = file();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < FAILURES_PER_GRIEVANCE + 2; i++) {
            statuses.add(lookup(phone(), filed.id(), otherThan(filed.code())).status());
        }

        HttpJson.Response wrong = lookup(phone(), filed.id(), otherThan(filed.code()));
        HttpJson.Response right = lookup(phone(), filed.id(), filed.code());

        assertThat(statuses.subList(0, FAILURES_PER_GRIEVANCE)).containsOnly(404);
        assertThat(statuses.subList(FAILURES_PER_GRIEVANCE, statuses.size())).containsOnly(429);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.body()).isEqualTo(wrong.body());
        assertThat(right.header("Retry-After")).isEqualTo(wrong.header("Retry-After"))
            .isEqualTo(Long.toString(LOCK.toSeconds()));
        assertThat(supplement(phone(), filed.id(), filed.code(), "试试补充").status()).isEqualTo(429);
    }

    @Test
    void theLockExpiresAndTheRightCodeOpensItAgain() {
        Filed filed = file();
        for (int i = 0; i <= FAILURES_PER_GRIEVANCE; i++) {
            lookup(phone(), filed.id(), otherThan(filed.code()));
        }
        assertThat(lookup(phone(), filed.id(), filed.code()).status()).isEqualTo(429);

        clock.advance(LOCK.plusSeconds(1));

        assertThat(lookup(phone(), filed.id(), filed.code()).status()).isEqualTo(200);
    }

    @Test
    void aClientGuessingAcrossManyGrievancesIsLockedForAllOfThem() {
        HttpJson guesser = phone();
        Filed own = file();
        for (int i = 0; i < FAILURES_PER_CLIENT; i++) {
            assertThat(lookup(guesser, file().id(), "0000000000").status()).isEqualTo(404);
        }

        HttpJson.Response ownGrievance = lookup(guesser, own.id(), own.code());

        assertThat(ownGrievance.status()).isEqualTo(429);
        assertThat(lookup(phone(), own.id(), own.code()).status()).as("from another client").isEqualTo(200);
    }

    @Test
    void aGrievanceFiledBeforeQueryCodesOpensWithTheWholeMobileOnceAndThenWithTheCodeItGets() {
        Filed filed = file();
        mongo.getCollection("grievances").updateOne(new Document("_id", filed.id()),
            new Document("$unset", new Document("queryCodeHash", "")));

        HttpJson.Response lastFour = lookup(phone(), filed.id(), "1234");
        HttpJson.Response wrongMobile = lookup(phone(), filed.id(), "13812349999");
        HttpJson.Response wholeMobile = lookup(phone(), filed.id(), "138 1234 1234");
        String issued = wholeMobile.json().get("newQueryCode").asString();
        HttpJson.Response mobileAgain = lookup(phone(), filed.id(), "13812341234");
        HttpJson.Response withTheNewCode = lookup(phone(), filed.id(), issued);

        assertThat(lastFour.status()).isEqualTo(400);
        assertThat(wrongMobile.status()).isEqualTo(404);
        assertThat(wholeMobile.status()).isEqualTo(200);
        assertThat(issued).matches("\\d{10}");
        assertThat(mobileAgain.status()).isEqualTo(404);
        assertThat(withTheNewCode.status()).isEqualTo(200);
        assertThat(withTheNewCode.json().get("newQueryCode").isNull()).isTrue();
    }

    @Test
    void theWholeMobileNoLongerOpensAnOldGrievanceAfterTheTransition() {
        Filed filed = file();
        mongo.getCollection("grievances").updateOne(new Document("_id", filed.id()),
            new Document("$unset", new Document("queryCodeHash", "")));

        clock.set(Instant.parse("2027-01-31T16:00:01Z"));

        assertThat(lookup(phone(), filed.id(), "13812341234").status()).isEqualTo(404);
    }

    @Test
    void theWorkerAddsInformationAndTheHandlersHearOfIt() {
        Filed filed = file();

        HttpJson.Response answer = supplement(phone(), filed.id(), filed.code(), "补充：平台轨迹截图显示我在赶往下一单。");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("supplements").asInt()).isEqualTo(1);
        ConsumerRecord<String, byte[]> event = awaitEvent(filed.id(), "cn.huiyin.intake.GrievanceSupplemented.v1");
        String data = new String(event.value(), StandardCharsets.UTF_8);
        assertThat(contracts.validate("cn.huiyin.intake.GrievanceSupplemented.v1", data)).isEmpty();
        assertThat(data).contains("\"by\":\"WORKER\"").contains("平台轨迹截图").doesNotContain(filed.code());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> HttpJson.at(port)
            .as(TestUser.of("supervisor")).get("/api/audit?grievanceId=" + filed.id() + "&action=GrievanceSupplemented")
            .json().get("total").asLong() == 1);
        assertThat(HttpJson.at(port).as(TestUser.of("supervisor"))
            .get("/api/audit?grievanceId=" + filed.id() + "&action=GrievanceSupplemented").json()
            .at("/entries/0/actor").asString()).isEqualTo("worker:self-service");
    }

    @Test
    void aWithdrawnGrievanceCanNoLongerBeSupplementedOrWithdrawnAgain() {
        Filed filed = file();
        HttpJson http = phone();
        String credentials = "\"trackingNumber\": \"" + filed.id() + "\", \"queryCode\": \"" + filed.code() + "\"";

        HttpJson.Response withdrawn = http.post("/api/public/grievances/withdraw",
            "{" + credentials + ", \"reason\": \"已与平台协商解决\"}");
        HttpJson.Response supplementAfter = supplement(http, filed.id(), filed.code(), "还有一点");
        HttpJson.Response withdrawAgain = http.post("/api/public/grievances/withdraw", "{" + credentials + "}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("canSupplementOrWithdraw").asBoolean()).isFalse();
        assertThat(supplementAfter.status()).isEqualTo(409);
        assertThat(supplementAfter.json().get("detail").asString()).contains("已撤回");
        assertThat(withdrawAgain.status()).isEqualTo(409);
        ConsumerRecord<String, byte[]> event = awaitEvent(filed.id(), "cn.huiyin.intake.GrievanceWithdrawn.v1");
        assertThat(contracts.validate("cn.huiyin.intake.GrievanceWithdrawn.v1",
            new String(event.value(), StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void badSelfServiceInputIsNamedFieldByField() {
        HttpJson.Response answer = phone().post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"\", \"queryCode\": \"12a4\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(FilingAGrievanceTest.fields(answer.json())).containsExactlyInAnyOrder("trackingNumber", "queryCode");
        assertThat(FilingAGrievanceTest.errorFor(answer.json(), "queryCode").get("message").asString())
            .contains("查询码");
    }

    /** A grievance as a clerk files it, and the query code its receipt gives the worker. */
    record Filed(String id, String code) {
    }

    private Filed file() {
        JsonNode filed = HttpJson.at(port).as(TestUser.of("window-clerk"))
            .post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json();
        return new Filed(filed.get("trackingNumber").asString(), filed.get("queryCode").asString());
    }

    /** A worker's phone: a client address of its own (198.18.0.0/15, not one of the trusted proxies). */
    private HttpJson phone() {
        return HttpJson.at(port).withHeader("X-Forwarded-For", clientAddress());
    }

    static String clientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + random.nextInt(18, 20) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static HttpJson.Response lookup(HttpJson http, String id, String code) {
        return http.post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"queryCode\": \"" + code + "\"}");
    }

    private static HttpJson.Response supplement(HttpJson http, String id, String code, String text) {
        return http.post("/api/public/grievances/supplement",
            "{\"trackingNumber\": \"" + id + "\", \"queryCode\": \"" + code + "\", \"text\": \"" + text + "\"}");
    }

    /** A ten-digit code that is not {@code code}. */
    static String otherThan(String code) {
        String guess;
        do {
            guess = String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        } while (guess.equals(code));
        return guess;
    }

    private ConsumerRecord<String, byte[]> awaitEvent(String id, String type) {
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(TestInfrastructure.get().kafkaBootstrapServers(),
            "huiyin.intake.grievance.v1")) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> id.equals(r.key())
                && type.equals(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)), 1,
                Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            return records.get(0);
        }
    }
}
