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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@ServiceTest
class FilingAGrievanceTest {

    static final String RIDER_INSURANCE_CLAIM = """
        {
          "channel": "SERVICE_HALL_WINDOW",
          "recordedBy": {"station": "龙泉驿区政务服务大厅"},
          "worker": {"name": "李明", "mobile": "13812341234", "residentId": "11010519491231002X",
                     "group": "FOOD_DELIVERY_RIDER", "platformOrEmployer": "美团", "homeStation": "大面站"},
          "category": "INJURY_INSURANCE",
          "description": "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。",
          "location": {"divisionCode": "510112002", "address": "成龙大道二段"},
          "occurredAt": "2026-11-12T18:40:00+08:00",
          "externalReferences": {"platformOrderNumber": "MT2026111218342211"},
          "preferredContactTime": "工作日晚上7点以后"
        }
        """;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final EventContracts contracts = new EventContracts();

    @Test
    void aClerkFilesARidersRefusedInsuranceClaimAndGetsATrackingNumberAndReceipt() {
        HttpJson api = clerk();

        HttpJson.Response filed = api.post("/api/grievances", RIDER_INSURANCE_CLAIM);

        assertThat(filed.status()).isEqualTo(201);
        String trackingNumber = filed.json().get("trackingNumber").asString();
        assertThat(trackingNumber).matches("HY-\\d{8}-\\d{6}");
        assertThat(filed.header("Location")).isEqualTo("/api/grievances/" + trackingNumber);
        String queryCode = filed.json().get("queryCode").asString();
        assertThat(queryCode).matches("\\d{10}");
        assertThat(filed.json().get("receipt").asString()).contains(trackingNumber, "查询码" + queryCode)
            .hasSizeLessThanOrEqualTo(70);

        JsonNode read = api.get("/api/grievances/" + trackingNumber).json();
        assertThat(read.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(read.at("/worker/name").asString()).isEqualTo("李*");
        assertThat(read.at("/worker/mobile").asString()).isEqualTo("138********");
        assertThat(read.at("/worker/residentId").asString()).isEqualTo("110105********002X");
        assertThat(read.at("/location/divisionName").asString()).isEqualTo("大面街道");
        assertThat(read.get("categoryName").asString()).isEqualTo("工伤与意外险理赔");
        assertThat(read.get("occurredAt").asString()).isEqualTo("2026-11-12T10:40:00Z");
    }

    @Test
    void theSubmissionIsPublishedAsACloudEventThatMeetsTheContractAndNamesNoOne() {
        String trackingNumber = clerk().post("/api/grievances", RIDER_INSURANCE_CLAIM)
            .json().get("trackingNumber").asString();

        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(
            TestInfrastructure.get().kafkaBootstrapServers(), "huiyin.intake.grievance.v1")) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> trackingNumber.equals(r.key()), 1,
                Duration.ofSeconds(20));

            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("cn.huiyin.intake.GrievanceSubmitted.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/huiyin/intake");
            assertThat(header(record, "ce_subject")).isEqualTo(trackingNumber);
            assertThat(header(record, "ce_time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            String data = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(contracts.validate("cn.huiyin.intake.GrievanceSubmitted.v1", data)).isEmpty();
            assertThat(data).doesNotContain("13812341234", "1234\"", "李明", "11010519491231002X");
        }
    }

    @Test
    void everyBadFieldIsNamedInChineseAndEnglishAndNothingIsStored() {
        long before = mongo.getCollection("grievances").countDocuments();
        String bad = """
            {
              "channel": "SERVICE_HALL_WINDOW",
              "worker": {"name": "", "mobile": "12345", "residentId": "110105194912310021", "group": "FOOD_DELIVERY_RIDER"},
              "category": "NOT_A_CATEGORY",
              "description": "%s",
              "location": {"divisionCode": "999999"},
              "occurredAt": "2099-01-01T00:00:00+08:00"
            }
            """.formatted("很".repeat(4001));

        HttpJson.Response answer = clerk().post("/api/grievances", bad);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:huiyin:problem:validation");
        assertThat(problem.get("title").asString()).isEqualTo("请求数据有误");
        assertThat(problem.get("titleEn").asString()).isEqualTo("Invalid request data");
        assertThat(fields(problem)).containsExactlyInAnyOrder("worker.name", "worker.mobile", "worker.residentId",
            "category", "description", "location.divisionCode", "occurredAt");
        for (JsonNode error : problem.get("errors")) {
            assertThat(error.get("message").asString()).as(error.toString()).isNotBlank().doesNotContain("{");
            assertThat(error.get("messageEn").asString()).as(error.toString()).isNotBlank().doesNotContain("{");
        }
        assertThat(errorFor(problem, "worker.mobile").get("message").asString()).contains("手机号码");
        assertThat(errorFor(problem, "worker.mobile").get("messageEn").asString()).contains("mobile number");
        assertThat(mongo.getCollection("grievances").countDocuments()).isEqualTo(before);
    }

    @Test
    void missingPartsAreEachNamed() {
        HttpJson.Response answer = clerk().post("/api/grievances", "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("channel", "worker", "description", "location");
    }

    @Test
    void aWrongTypeIsNamedWithTheTypeExpected() {
        HttpJson api = clerk();

        JsonNode textAsNumber = api.post("/api/grievances", RIDER_INSURANCE_CLAIM.replace("\"李明\"", "123")).json();
        JsonNode unknownChannel = api.post("/api/grievances",
            RIDER_INSURANCE_CLAIM.replace("SERVICE_HALL_WINDOW", "FAX")).json();
        JsonNode booleanAsText = api.post("/api/grievances",
            RIDER_INSURANCE_CLAIM.replace("\"channel\"", "\"confidential\": \"yes\", \"channel\"")).json();

        assertThat(fields(textAsNumber)).containsExactly("worker.name");
        assertThat(errorFor(textAsNumber, "worker.name").get("messageEn").asString()).contains("text");
        assertThat(fields(unknownChannel)).containsExactly("channel");
        assertThat(errorFor(unknownChannel, "channel").get("message").asString()).contains("HOTLINE_12345");
        assertThat(fields(booleanAsText)).containsExactly("confidential");
    }

    @Test
    void theCallbacksOwnChannelCannotBeFiledThroughTheApi() {
        HttpJson.Response refused = clerk().post("/api/grievances",
            RIDER_INSURANCE_CLAIM.replace("\"SERVICE_HALL_WINDOW\"", "\"RETALIATION_CALLBACK\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactly("channel");
        assertThat(errorFor(refused.json(), "channel").get("code").asString()).isEqualTo("channel.internal");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanSilentlyDropped() {
        JsonNode problem = clerk().post("/api/grievances",
            RIDER_INSURANCE_CLAIM.replace("\"preferredContactTime\"", "\"preferedContactTime\"")).json();

        assertThat(fields(problem)).containsExactly("preferedContactTime");
        assertThat(errorFor(problem, "preferedContactTime").get("code").asString()).isEqualTo("field.unknown");
    }

    @Test
    void malformedJsonWrongContentTypesAndHugeBodiesGetProblemsNeverA500() {
        HttpJson api = clerk();

        HttpJson.Response malformed = api.post("/api/grievances", "{\"channel\": \"SERVICE_HALL_WINDOW\",");
        HttpJson.Response notAnObject = api.post("/api/grievances", "[1, 2, 3]");
        HttpJson.Response xml = api.postWithContentType("/api/grievances", "application/xml",
            "<grievance/>".getBytes(StandardCharsets.UTF_8));
        HttpJson.Response huge = api.post("/api/grievances",
            "{\"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        HttpJson.Response empty = api.post("/api/grievances", "");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detailEn").asString()).contains("not valid JSON");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(empty.status()).isEqualTo(400);
        for (HttpJson.Response answer : List.of(malformed, notAnObject, xml, huge, empty)) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("Exception", "at cn.", "at org.");
        }
    }

    @Test
    void oddUnicodeIsEitherStoredFaithfullyOrRefusedClearly() {
        HttpJson api = clerk();
        String emojiAndRareCharacters = RIDER_INSURANCE_CLAIM.replace("雨天送餐途中", "𠮷野家门口🛵雨天送餐途中\\u200d");
        String loneSurrogate = RIDER_INSURANCE_CLAIM.replace("雨天送餐途中", "\\ud800雨天");
        String controlCharacter = RIDER_INSURANCE_CLAIM.replace("雨天送餐途中", "\\u0000雨天");

        HttpJson.Response stored = api.post("/api/grievances", emojiAndRareCharacters);
        HttpJson.Response surrogate = api.post("/api/grievances", loneSurrogate);
        HttpJson.Response control = api.post("/api/grievances", controlCharacter);

        assertThat(stored.status()).isEqualTo(201);
        String description = api.get("/api/grievances/" + stored.json().get("trackingNumber").asString())
            .json().get("description").asString();
        assertThat(description).startsWith("𠮷野家门口🛵雨天送餐途中\u200d");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(fields(surrogate.json())).containsExactly("description");
        assertThat(control.status()).isEqualTo(400);
        assertThat(fields(control.json())).containsExactly("description");
    }

    @Test
    void textThatShowsNothingOrHidesItsDirectionIsRefusedFieldByFieldAndNothingIsStored() {
        long before = mongo.getCollection("grievances").countDocuments();
        String invisible = RIDER_INSURANCE_CLAIM
            .replace("雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。", "\\u200b\\u200c\\u200d\\u2060")
            .replace("\"李明\"", "\"\\u202e明李\"")
            .replace("\"大面站\"", "\"\\u3164\"");

        HttpJson.Response answer = clerk().post("/api/grievances", invisible);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("description", "worker.name", "worker.homeStation");
        assertThat(errorFor(answer.json(), "description").get("code").asString()).isEqualTo("text.invisible");
        assertThat(errorFor(answer.json(), "worker.name").get("code").asString()).isEqualTo("text.bidi");
        assertThat(errorFor(answer.json(), "worker.homeStation").get("code").asString()).isEqualTo("text.invisible");
        assertThat(mongo.getCollection("grievances").countDocuments()).isEqualTo(before);
    }

    @Test
    void aWrongTypeAndAGarbageDateDoNotHideTheOtherBadFields() {
        String bad = RIDER_INSURANCE_CLAIM.replace("\"李明\"", "42")
            .replace("\"2026-11-12T18:40:00+08:00\"", "\"上周三晚上\"")
            .replace("\"13812341234\"", "\"12345\"")
            .replace("\"510112002\"", "\"999999\"");

        HttpJson.Response answer = clerk().post("/api/grievances", bad);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("worker.name", "occurredAt", "worker.mobile",
            "location.divisionCode");
        assertThat(errorFor(answer.json(), "occurredAt").get("messageEn").asString()).contains("date-time");
    }

    @Test
    void aNameTypedAsDecomposedCharactersIsStoredAsTheSameName() {
        String decomposed = RIDER_INSURANCE_CLAIM.replace("\"李明\"", "\"Zoe\\u0308 Li\"");

        String id = clerk().post("/api/grievances", decomposed).json().get("trackingNumber").asString();

        assertThat(HttpJson.at(port).as(TestUser.of("callback-agent", "org-hotline-12345", "510100"))
            .get("/api/grievances/" + id + "/contact?reason=%E5%9B%9E%E8%AE%BF").json().get("name").asString())
            .isEqualTo("Zoë Li");
    }

    @Test
    void anUnknownGrievanceIsAProblemNotAnEmptyPage() {
        HttpJson.Response answer = clerk().get("/api/grievances/HY-20260101-999999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("grievance.unknown");
    }

    private HttpJson clerk() {
        return HttpJson.at(port).as(TestUser.of("window-clerk"));
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    static JsonNode errorFor(JsonNode problem, String field) {
        return problem.get("errors").valueStream().filter(e -> e.get("field").asString().equals(field))
            .findFirst().orElseThrow(() -> new AssertionError("no error for " + field + " in " + problem));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
