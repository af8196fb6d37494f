package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A clerk whose network dropped resends the submission: the worker still gets one grievance, one number. */
@ServiceTest
class IdempotentFilingTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private HttpJson clerk() {
        return HttpJson.at(port).as(TestUser.of("window-clerk"));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswerAndCreatesNothingNew() {
        long before = grievances();

        HttpJson.Response first = clerk().post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM,
            "Idempotency-Key", "window-3-20261122-0001");
        HttpJson.Response retry = clerk().post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM,
            "Idempotency-Key", "window-3-20261122-0001");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("trackingNumber").asString()).isEqualTo(first.json().get("trackingNumber").asString());
        assertThat(retry.json().get("receipt").asString()).isEqualTo(first.json().get("receipt").asString());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(grievances()).isEqualTo(before + 1);
    }

    @Test
    void fiftyConcurrentIdenticalRetriesCreateOneGrievance() throws Exception {
        long before = grievances();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<HttpJson.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> clerk().post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM,
                "Idempotency-Key", "hotline-burst-42"));
        }

        List<HttpJson.Response> answers = new ArrayList<>();
        for (Future<HttpJson.Response> answer : pool.invokeAll(calls)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(answers).extracting(HttpJson.Response::status).containsOnly(201);
        Set<String> numbers = answers.stream().map(a -> a.json().get("trackingNumber").asString()).collect(Collectors.toSet());
        assertThat(numbers).hasSize(1);
        assertThat(grievances()).isEqualTo(before + 1);
        assertThat(mongo.getCollection("grievances").countDocuments(new Document("_id", numbers.iterator().next())))
            .isEqualTo(1);
    }

    @Test
    void aKeyReusedForADifferentGrievanceIsAConflict() {
        clerk().post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM, "Idempotency-Key", "reused-key");

        HttpJson.Response other = clerk().post("/api/grievances",
            FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("成龙大道二段", "成龙大道三段"), "Idempotency-Key", "reused-key");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("idempotency-key.reused");
    }

    @Test
    void keysAreScopedToTheCallerSoTwoClerksCannotCollide() {
        HttpJson.Response mine = clerk().post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM,
            "Idempotency-Key", "same-key");
        HttpJson.Response theirs = HttpJson.at(port).as(TestUser.of("hotline-operator"))
            .post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM, "Idempotency-Key", "same-key");

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("trackingNumber").asString())
            .isNotEqualTo(mine.json().get("trackingNumber").asString());
    }

    private long grievances() {
        return mongo.getCollection("grievances").countDocuments();
    }
}
