package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A rider follows his case from his phone with the tracking number and the last four digits of his mobile. */
@ServiceTest
class WorkerSelfServiceTest {

    @LocalServerPort
    int port;

    /** Each test comes from its own client address, as workers' phones do, so rate limits do not leak between tests. */
    private final String clientAddress = "203.0.113." + (int) (Math.random() * 250 + 1);

    private final EventContracts contracts = new EventContracts();

    @Test
    void theWorkerSeesWhereHisGrievanceStandsWithoutAnAccount() {
        String id = file();

        HttpJson.Response answer = phone().post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"1234\"}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode progress = answer.json();
        assertThat(progress.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(progress.get("statusName").asString()).isEqualTo("已受理");
        assertThat(progress.get("history").get(0).get("noteZh").asString()).contains(id);
        assertThat(progress.get("canSupplementOrWithdraw").asBoolean()).isTrue();
        assertThat(answer.body()).doesNotContain("13812341234", "李明", "clerk");
    }

    @Test
    void wrongDigitsGetTheSameAnswerAsAnUnknownNumber() {
        String id = file();
        HttpJson http = phone();

        HttpJson.Response wrongDigits = http.post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"9999\"}");
        HttpJson.Response unknown = http.post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"HY-20200101-000001\", \"mobileLastFour\": \"1234\"}");

        assertThat(wrongDigits.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongDigits.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
        assertThat(wrongDigits.json().get("code").asString()).isEqualTo(unknown.json().get("code").asString());
    }

    @Test
    void guessingTheDigitsIsStoppedAfterAFewFailures() {
        String id = file();
        HttpJson http = phone();
        int[] statuses = new int[7];

        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = http.post("/api/public/grievances/lookup",
                "{\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"" + String.format("%04d", i) + "\"}").status();
        }
        HttpJson.Response rightDigitsTooLate = http.post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"1234\"}");

        assertThat(statuses).containsExactly(404, 404, 404, 404, 404, 429, 429);
        assertThat(rightDigitsTooLate.status()).isEqualTo(200);
    }

    @Test
    void theWorkerAddsInformationAndTheHandlersHearOfIt() {
        String id = file();

        HttpJson.Response answer = phone().post("/api/public/grievances/supplement",
            "{\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"1234\", \"text\": \"补充：平台轨迹截图显示我在赶往下一单。\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("supplements").asInt()).isEqualTo(1);
        ConsumerRecord<String, byte[]> event = awaitEvent(id, "cn.huiyin.intake.GrievanceSupplemented.v1");
        String data = new String(event.value(), StandardCharsets.UTF_8);
        assertThat(contracts.validate("cn.huiyin.intake.GrievanceSupplemented.v1", data)).isEmpty();
        assertThat(data).contains("\"by\":\"WORKER\"").contains("平台轨迹截图");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> HttpJson.at(port)
            .as(TestUser.of("supervisor")).get("/api/audit?grievanceId=" + id + "&action=GrievanceSupplemented")
            .json().get("total").asLong() == 1);
        assertThat(HttpJson.at(port).as(TestUser.of("supervisor"))
            .get("/api/audit?grievanceId=" + id + "&action=GrievanceSupplemented").json()
            .at("/entries/0/actor").asString()).isEqualTo("worker:self-service");
    }

    @Test
    void aWithdrawnGrievanceCanNoLongerBeSupplementedOrWithdrawnAgain() {
        String id = file();
        HttpJson http = phone();
        String credentials = "\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"1234\"";

        HttpJson.Response withdrawn = http.post("/api/public/grievances/withdraw",
            "{" + credentials + ", \"reason\": \"已与平台协商解决\"}");
        HttpJson.Response supplementAfter = http.post("/api/public/grievances/supplement",
            "{" + credentials + ", \"text\": \"还有一点\"}");
        HttpJson.Response withdrawAgain = http.post("/api/public/grievances/withdraw", "{" + credentials + "}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("canSupplementOrWithdraw").asBoolean()).isFalse();
        assertThat(supplementAfter.status()).isEqualTo(409);
        assertThat(supplementAfter.json().get("detail").asString()).contains("已撤回");
        assertThat(withdrawAgain.status()).isEqualTo(409);
        ConsumerRecord<String, byte[]> event = awaitEvent(id, "cn.huiyin.intake.GrievanceWithdrawn.v1");
        assertThat(contracts.validate("cn.huiyin.intake.GrievanceWithdrawn.v1",
            new String(event.value(), StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void badSelfServiceInputIsNamedFieldByField() {
        HttpJson.Response answer = phone().post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"\", \"mobileLastFour\": \"12a4\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(FilingAGrievanceTest.fields(answer.json())).containsExactlyInAnyOrder("trackingNumber", "mobileLastFour");
        assertThat(FilingAGrievanceTest.errorFor(answer.json(), "mobileLastFour").get("message").asString())
            .contains("后四位");
    }

    private HttpJson phone() {
        return HttpJson.at(port).withHeader("X-Forwarded-For", clientAddress);
    }

    private String file() {
        return HttpJson.at(port).as(TestUser.of("window-clerk"))
            .post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json().get("trackingNumber").asString();
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
