package cn.huiyin.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

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
import org.springframework.http.MediaType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * An Open311 GeoReport v2 client (a worker's mini-program) lists the services, reads a definition, files the rider's
 * refused insurance claim with form data and follows it by id and by token, in JSON and XML, as the spec defines.
 */
@ServiceTest
class Open311ClientTest {

    static final String API_KEY = "demo-only-open311-key";

    /** The Heyuan rider whose insurer refused his claim, as an Open311 form. */
    static Map<String, List<String>> riderInsuranceClaim() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("api_key", List.of(API_KEY));
        form.put("service_code", List.of("INJURY_INSURANCE"));
        form.put("first_name", List.of("明"));
        form.put("last_name", List.of("李"));
        form.put("phone", List.of("138 1234 1234"));
        form.put("email", List.of("liming@example.cn"));
        form.put("account_id", List.of("rider-8842"));
        form.put("device_id", List.of("mini-program-7f3a"));
        form.put("description", List.of("雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。"));
        form.put("address_string", List.of("成龙大道二段"));
        form.put("lat", List.of("30.5605"));
        form.put("long", List.of("104.2741"));
        form.put("attribute[worker_group]", List.of("FOOD_DELIVERY_RIDER"));
        form.put("attribute[division_code]", List.of("510112002"));
        form.put("attribute[platform_or_employer]", List.of("美团"));
        form.put("attribute[platform_order_number]", List.of("MT2026111218342211"));
        form.put("attribute[occurred_at]", List.of("2026-11-12T18:40:00+08:00"));
        form.put("attribute[preferred_contact_time]", List.of("工作日晚上7点以后"));
        return form;
    }

    /** The same case, filed at a service-hall window through the staff JSON API. */
    static final String CLERKS_FILING = """
        {"channel": "SERVICE_HALL_WINDOW",
         "worker": {"name": "李明", "mobile": "13812341234", "group": "FOOD_DELIVERY_RIDER"},
         "category": "INJURY_INSURANCE",
         "description": "雨天送餐途中摔倒致手部骨折，保险公司拒绝理赔。",
         "location": {"divisionCode": "510112002"}}
        """;

    /** Each test calls from its own address, so the per-address rate limit (30/min) does not leak between tests. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final String clientAddress = "192.0.2." + (ADDRESSES.incrementAndGet() % 250 + 1);
    private final EventContracts contracts = new EventContracts();

    @Test
    void theClientListsTheCategoriesAsServicesInJsonAndXml() throws Exception {
        HttpJson.Response json = client().get("/open311/v2/services.json");
        HttpJson.Response xml = client().get("/open311/v2/services.xml");

        assertThat(json.status()).isEqualTo(200);
        assertJson(json);
        assertThat(json.json().isArray()).isTrue();
        assertThat(json.json().size()).isEqualTo(13);
        JsonNode injury = find(json.json(), "service_code", "INJURY_INSURANCE");
        assertThat(injury.get("service_name").asString()).isEqualTo("工伤与意外险理赔");
        assertThat(injury.get("description").asString()).isEqualTo("Work injury and accident-insurance claims");
        assertThat(injury.get("metadata").asBoolean()).isTrue();
        assertThat(injury.get("type").asString()).isEqualTo("realtime");
        assertThat(injury.get("group").asString()).contains("行业");
        assertThat(find(json.json(), "service_code", "WAGES").get("keywords").asString()).isEqualTo("工资报酬, 欠薪, 克扣");
        assertThat(find(json.json(), "service_code", "PARKING_ACCESS").get("group").asString()).contains("属地");

        assertThat(xml.status()).isEqualTo(200);
        assertXml(xml);
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Document services = parseXml(xml.body());
        assertThat(services.getDocumentElement().getTagName()).isEqualTo("services");
        List<Element> service = children(services.getDocumentElement(), "service");
        assertThat(service).hasSize(13);
        Element first = service.get(0);
        assertThat(childNames(first)).containsExactly("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");
        assertThat(text(first, "service_code")).isEqualTo("WAGES");
        assertThat(text(first, "service_name")).isEqualTo("工资报酬（欠薪、克扣）");
        assertThat(text(first, "metadata")).isEqualTo("true");
    }

    @Test
    void theClientReadsWhatACategoryAsksForInItsServiceDefinition() throws Exception {
        JsonNode injury = client().get("/open311/v2/services/INJURY_INSURANCE.json").json();
        JsonNode parking = client().get("/open311/v2/services/PARKING_ACCESS.json").json();
        HttpJson.Response xml = client().get("/open311/v2/services/INJURY_INSURANCE.xml");

        assertThat(injury.get("service_code").asString()).isEqualTo("INJURY_INSURANCE");
        JsonNode group = find(injury.get("attributes"), "code", "worker_group");
        assertThat(group.get("variable").asBoolean()).isTrue();
        assertThat(group.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(group.get("required").asBoolean()).isTrue();
        assertThat(group.get("order").asInt()).isEqualTo(1);
        assertThat(group.get("values").valueStream().map(v -> v.get("key").asString()).toList())
            .contains("FOOD_DELIVERY_RIDER", "COURIER", "GIG_WORKER");
        assertThat(find(group.get("values"), "key", "FOOD_DELIVERY_RIDER").get("name").asString()).startsWith("外卖骑手");
        JsonNode division = find(injury.get("attributes"), "code", "division_code");
        assertThat(division.get("required").asBoolean()).isTrue();
        assertThat(find(division.get("values"), "key", "510112002").get("name").asString()).isEqualTo("龙泉驿区 大面街道");
        assertThat(find(injury.get("attributes"), "code", "platform_order_number").get("datatype").asString())
            .isEqualTo("string");
        assertThat(codes(parking.get("attributes"))).contains("worker_group", "division_code", "platform_or_employer")
            .doesNotContain("platform_order_number");
        assertThat(injury.get("attributes").valueStream().map(a -> a.get("order").asInt()).toList())
            .isSorted().doesNotHaveDuplicates();

        Document definition = parseXml(xml.body());
        Element root = definition.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(text(root, "service_code")).isEqualTo("INJURY_INSURANCE");
        List<Element> attributes = children(children(root, "attributes").get(0), "attribute");
        assertThat(attributes).isNotEmpty();
        assertThat(childNames(attributes.get(0))).containsExactly("variable", "code", "datatype", "required",
            "datatype_description", "order", "description", "values");
        List<Element> values = children(children(attributes.get(0), "values").get(0), "value");
        assertThat(childNames(values.get(0))).containsExactly("key", "name");
    }

    @Test
    void theClientFilesTheRidersInsuranceClaimAndFollowsItByIdAndByTokenInJsonAndXml() throws Exception {
        HttpJson.Response filed = post("/open311/v2/requests.json", riderInsuranceClaim());

        assertThat(filed.status()).isEqualTo(200);
        assertJson(filed);
        JsonNode receipt = filed.json().get(0);
        String id = receipt.get("service_request_id").asString();
        String token = receipt.get("token").asString();
        assertThat(id).matches("HY-\\d{8}-\\d{6}");
        assertThat(token).matches("[A-Za-z0-9_-]{27}");
        assertThat(receipt.get("service_notice").asString()).contains(id).startsWith("【回音】").containsPattern("查询码\\d{10}");
        assertThat(receipt.get("account_id").asString()).isEqualTo("rider-8842");

        JsonNode byId = client().get("/open311/v2/requests/" + id + ".json?api_key=" + API_KEY).json();
        assertThat(byId.size()).isEqualTo(1);
        JsonNode request = byId.get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("status_notes").asString()).contains("已受理");
        assertThat(request.get("service_code").asString()).isEqualTo("INJURY_INSURANCE");
        assertThat(request.get("service_name").asString()).isEqualTo("工伤与意外险理赔");
        assertThat(request.get("description").asString()).startsWith("雨天送餐途中摔倒");
        assertThat(request.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(request.get("updated_datetime").asString()).isEqualTo(request.get("requested_datetime").asString());
        assertThat(request.get("address").asString()).isEqualTo("成龙大道二段, 大面街道, 龙泉驿区, 成都市");
        assertThat(request.get("address_id").asString()).isEqualTo("510112002");
        assertThat(request.get("lat").asDouble()).isEqualTo(30.5605);
        assertThat(request.get("long").asDouble()).isEqualTo(104.2741);
        assertThat(request.has("agency_responsible")).isTrue();
        assertThat(request.get("agency_responsible").isNull()).isTrue();
        assertThat(byId.toString()).doesNotContain("李明", "13812341234", "1234 1234", "liming@");

        HttpJson.Response byIdXml = client().get("/open311/v2/requests/" + id + ".xml?api_key=" + API_KEY);
        assertXml(byIdXml);
        Element root = parseXml(byIdXml.body()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element xmlRequest = children(root, "request").get(0);
        assertThat(childNames(xmlRequest)).containsExactly("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");
        assertThat(text(xmlRequest, "service_request_id")).isEqualTo(id);
        assertThat(text(xmlRequest, "status")).isEqualTo("open");
        assertThat(text(xmlRequest, "lat")).isEqualTo("30.5605");

        JsonNode byToken = client().get("/open311/v2/tokens/" + token + ".json?api_key=" + API_KEY).json();
        assertThat(byToken.get(0).get("service_request_id").asString()).isEqualTo(id);
        assertThat(byToken.get(0).get("token").asString()).isEqualTo(token);
        Element tokenXml = parseXml(client().get("/open311/v2/tokens/" + token + ".xml?api_key=" + API_KEY).body())
            .getDocumentElement();
        assertThat(tokenXml.getTagName()).isEqualTo("service_requests");
        assertThat(text(children(tokenXml, "request").get(0), "service_request_id")).isEqualTo(id);
        assertThat(text(children(tokenXml, "request").get(0), "token")).isEqualTo(token);
    }

    @Test
    void filingInXmlAnswersInTheSpecsXml() throws Exception {
        HttpJson.Response filed = post("/open311/v2/requests.xml", riderInsuranceClaim());

        assertThat(filed.status()).isEqualTo(200);
        Element root = parseXml(filed.body()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = children(root, "request").get(0);
        assertThat(childNames(request)).containsExactly("service_request_id", "token", "service_notice", "account_id");
        assertThat(text(request, "service_request_id")).matches("HY-\\d{8}-\\d{6}");
    }

    @Test
    void staffSeeTheGrievanceAsFiledFromAMiniProgramByTheOpen311Client() {
        String id = file(riderInsuranceClaim());

        JsonNode staffView = HttpJson.at(port).as(TestUser.of("window-clerk")).get("/api/grievances/" + id).json();

        assertThat(staffView.get("channel").asString()).isEqualTo("MINI_PROGRAM");
        assertThat(staffView.at("/recordedBy/staffId").asString()).isEqualTo("open311:demo");
        assertThat(staffView.at("/recordedBy/org").asString()).isEqualTo("demo-open311-app");
        assertThat(staffView.at("/worker/name").asString()).isEqualTo("李*");
        assertThat(staffView.at("/worker/mobile").asString()).isEqualTo("138********");
        assertThat(staffView.at("/worker/group").asString()).isEqualTo("FOOD_DELIVERY_RIDER");
        assertThat(staffView.at("/worker/platformOrEmployer").asString()).isEqualTo("美团");
        assertThat(staffView.get("category").asString()).isEqualTo("INJURY_INSURANCE");
        assertThat(staffView.at("/location/divisionCode").asString()).isEqualTo("510112002");
        assertThat(staffView.at("/location/address").asString()).isEqualTo("成龙大道二段");
        assertThat(staffView.at("/location/coordinates/latitude").asDouble()).isEqualTo(30.5605);
        assertThat(staffView.get("occurredAt").asString()).isEqualTo("2026-11-12T10:40:00Z");
        assertThat(staffView.at("/externalReferences/platformOrderNumber").asString()).isEqualTo("MT2026111218342211");
        assertThat(staffView.get("preferredContactTime").asString()).isEqualTo("工作日晚上7点以后");
        assertThat(staffView.get("confidential").asBoolean()).isFalse();
    }

    @Test
    void theFilingIsPublishedAsAGrievanceSubmittedEventThatMeetsTheContractAndNamesNoOne() {
        String id = file(riderInsuranceClaim());

        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(
            TestInfrastructure.get().kafkaBootstrapServers(), "huiyin.intake.grievance.v1")) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));

            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.get(0);
            String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
            assertThat(type).isEqualTo("cn.huiyin.intake.GrievanceSubmitted.v1");
            String data = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(contracts.validate(type, data)).isEmpty();
            JsonNode event = HttpJson.parse(data);
            assertThat(event.get("channel").asString()).isEqualTo("MINI_PROGRAM");
            assertThat(event.at("/recordedBy/staffId").asString()).isEqualTo("open311:demo");
            assertThat(event.get("category").asString()).isEqualTo("INJURY_INSURANCE");
            assertThat(data).doesNotContain("13812341234", "李明", "liming@", "rider-8842");
        }
    }

    @Test
    void theClientListsItsRequestsWithTheSpecsFilters() {
        String injury = file(riderInsuranceClaim());
        Map<String, List<String>> parkingForm = riderInsuranceClaim();
        parkingForm.put("service_code", List.of("PARKING_ACCESS"));
        parkingForm.remove("attribute[platform_order_number]");
        parkingForm.put("description", List.of("商场不让骑手进门取餐，门口也没有电动车停放点。"));
        String parking = file(parkingForm);
        String key = "?api_key=" + API_KEY;

        JsonNode recent = client().get("/open311/v2/requests.json" + key).json();
        JsonNode parkingOnly = client().get("/open311/v2/requests.json" + key + "&service_code=PARKING_ACCESS").json();
        JsonNode both = client().get("/open311/v2/requests.json" + key + "&service_code=PARKING_ACCESS,INJURY_INSURANCE"
            + "&status=open").json();
        JsonNode closed = client().get("/open311/v2/requests.json" + key + "&status=closed").json();
        JsonNode byIds = client().get("/open311/v2/requests.json" + key + "&service_request_id=" + injury + "," + parking
            + "&status=closed").json();
        JsonNode lastYear = client().get("/open311/v2/requests.json" + key
            + "&start_date=2025-11-01T00:00:00%2B08:00&end_date=2025-12-01T00:00:00Z").json();
        HttpJson.Response xml = client().get("/open311/v2/requests.xml" + key + "&service_code=PARKING_ACCESS");

        assertThat(ids(recent)).contains(injury, parking);
        List<String> requested = recent.valueStream().map(r -> r.get("requested_datetime").asString()).toList();
        assertThat(requested).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(ids(parkingOnly)).contains(parking).doesNotContain(injury);
        assertThat(ids(both)).contains(injury, parking);
        assertThat(ids(closed)).doesNotContain(injury, parking);
        assertThat(ids(byIds)).containsExactlyInAnyOrder(injury, parking);
        assertThat(lastYear.size()).isZero();
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.body()).contains("<request>", "<service_request_id>" + parking + "</service_request_id>");
    }

    @Test
    void badFiltersAreEachNamed() {
        HttpJson.Response answer = client().get("/open311/v2/requests.json?api_key=" + API_KEY
            + "&status=pending&service_code=POTHOLE&start_date=yesterday");
        HttpJson.Response tooLong = client().get("/open311/v2/requests.json?api_key=" + API_KEY
            + "&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(descriptions(answer.json())).hasSize(3)
            .anySatisfy(d -> assertThat(d).startsWith("status: "))
            .anySatisfy(d -> assertThat(d).startsWith("service_code: ").contains("POTHOLE"))
            .anySatisfy(d -> assertThat(d).startsWith("start_date: "));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(descriptions(tooLong.json())).singleElement().asString().contains("90");
    }

    @Test
    void aGrievanceFiledElsewhereIsNotFoundForTheClient() {
        String clerks = HttpJson.at(port).as(TestUser.of("window-clerk"))
            .post("/api/grievances", CLERKS_FILING)
            .json().get("trackingNumber").asString();

        HttpJson.Response answer = client().get("/open311/v2/requests/" + clerks + ".json?api_key=" + API_KEY);
        HttpJson.Response unknown = client().get("/open311/v2/requests/HY-20200101-000001.json?api_key=" + API_KEY);
        JsonNode listed = client().get("/open311/v2/requests.json?api_key=" + API_KEY + "&service_request_id=" + clerks)
            .json();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(unknown.body());
        assertThat(listed.size()).isZero();
    }

    @Test
    void aWrongOrMissingApiKeyIsTheSpecs403() throws Exception {
        Map<String, List<String>> wrongKey = riderInsuranceClaim();
        wrongKey.put("api_key", List.of("not-the-key-at-all-0000"));
        Map<String, List<String>> noKey = riderInsuranceClaim();
        noKey.remove("api_key");
        long before = mongo.getCollection("grievances").countDocuments();

        HttpJson.Response wrong = post("/open311/v2/requests.json", wrongKey);
        HttpJson.Response missing = post("/open311/v2/requests.xml", noKey);
        HttpJson.Response list = client().get("/open311/v2/requests.json");
        HttpJson.Response token = client().get("/open311/v2/tokens/abcdefghijklmnopqrstuvwxyz0.json?api_key=wrong");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(wrong.json().get(0).get("description").asString()).contains("api_key").contains(" / ");
        assertThat(missing.status()).isEqualTo(403);
        Element errors = parseXml(missing.body()).getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(text(children(errors, "error").get(0), "code")).isEqualTo("403");
        assertThat(list.status()).isEqualTo(403);
        assertThat(token.status()).isEqualTo(403);
        assertThat(mongo.getCollection("grievances").countDocuments()).isEqualTo(before);
    }

    @Test
    void everyBadFieldGetsAnErrorOfItsOwnInChineseAndEnglish() throws Exception {
        Map<String, List<String>> form = riderInsuranceClaim();
        form.put("phone", List.of("12345"));
        form.remove("first_name");
        form.remove("last_name");
        form.put("description", List.of("很".repeat(4001)));
        form.put("lat", List.of("91"));
        form.put("long", List.of("NaN"));
        form.put("email", List.of("not-an-email"));
        form.put("media_url", List.of("javascript:alert(1)"));
        form.put("attribute[worker_group]", List.of("ASTRONAUT"));
        form.remove("attribute[division_code]");
        form.put("attribute[occurred_at]", List.of("2099-01-01T00:00:00+08:00"));
        form.put("attribute[platform_order_number]", List.of("x".repeat(65)));
        form.put("attribute[favourite_colour]", List.of("blue"));
        form.put("descripton", List.of("typo"));
        long before = mongo.getCollection("grievances").countDocuments();

        HttpJson.Response answer = post("/open311/v2/requests.json", form);
        HttpJson.Response xml = post("/open311/v2/requests.xml", form);

        assertThat(answer.status()).isEqualTo(400);
        List<String> descriptions = descriptions(answer.json());
        assertThat(descriptions.stream().map(d -> d.substring(0, d.indexOf(':'))).toList()).containsExactlyInAnyOrder(
            "phone", "first_name", "description", "lat", "long", "email", "media_url", "attribute[worker_group]",
            "attribute[division_code]", "attribute[occurred_at]", "attribute[platform_order_number]",
            "attribute[favourite_colour]", "descripton");
        for (JsonNode error : answer.json()) {
            assertThat(error.get("code").asInt()).isEqualTo(400);
            String description = error.get("description").asString();
            assertThat(description).as(description).contains(" / ").doesNotContain("{", "Exception");
            assertThat(description.substring(description.indexOf(':'))).as(description).containsPattern("\\p{IsHan}");
        }
        assertThat(descriptions).anySatisfy(d -> assertThat(d).startsWith("phone: ").contains("手机号码", "mobile number"));
        Element errors = parseXml(xml.body()).getDocumentElement();
        assertThat(children(errors, "error")).hasSize(descriptions.size());
        assertThat(mongo.getCollection("grievances").countDocuments()).isEqualTo(before);
    }

    @Test
    void anUnknownServiceIsTheSpecs404AndStillNamesTheOtherProblems() {
        Map<String, List<String>> form = riderInsuranceClaim();
        form.put("service_code", List.of("POTHOLE"));
        form.put("phone", List.of("010-12345678"));

        HttpJson.Response answer = post("/open311/v2/requests.json", form);
        HttpJson.Response definition = client().get("/open311/v2/services/POTHOLE.json");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().valueStream().map(e -> e.get("code").asInt() + " " + e.get("description").asString()))
            .anySatisfy(e -> assertThat(e).startsWith("404 service_code: "))
            .anySatisfy(e -> assertThat(e).startsWith("400 phone: "));
        assertThat(definition.status()).isEqualTo(404);
        assertThat(definition.json().get(0).get("code").asInt()).isEqualTo(404);
    }

    @Test
    void malformedFormsOddUnicodeWrongTypesAndHugeBodiesAreRefusedInTheSpecsFormatNeverA500() throws Exception {
        String valid = encode(riderInsuranceClaim());
        HttpJson http = client();

        HttpJson.Response brokenEscape = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", (valid + "&description=%E9%9B%A8%ZZ").getBytes(StandardCharsets.UTF_8));
        HttpJson.Response notUtf8 = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", valid.replace("description=", "description=%FF%FE").getBytes(StandardCharsets.UTF_8));
        HttpJson.Response surrogate = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", valid.replace("description=", "description=%ED%A0%80").getBytes(StandardCharsets.UTF_8));
        HttpJson.Response nul = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded; charset=utf-8", valid.replace("description=", "description=%00").getBytes(StandardCharsets.UTF_8));
        HttpJson.Response newlineInName = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", valid.replace("first_name=", "first_name=%0A").getBytes(StandardCharsets.UTF_8));
        HttpJson.Response json = http.postWithContentType("/open311/v2/requests.json", "application/json",
            "{\"service_code\":\"WAGES\"}".getBytes(StandardCharsets.UTF_8));
        HttpJson.Response latin1 = http.postWithContentType("/open311/v2/requests.xml",
            "application/x-www-form-urlencoded; charset=ISO-8859-1", valid.getBytes(StandardCharsets.UTF_8));
        HttpJson.Response noType = http.send(http.builder("/open311/v2/requests.json")
            .POST(HttpRequest.BodyPublishers.ofString(valid)).build());
        HttpJson.Response huge = http.postWithContentType("/open311/v2/requests.xml", "application/x-www-form-urlencoded",
            (valid + "&description=" + "x".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
        HttpJson.Response overOpen311Limit = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", (valid + "&description=" + "x".repeat(100 * 1024)).getBytes(StandardCharsets.UTF_8));
        HttpJson.Response manyFields = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", "a=1&".repeat(500).getBytes(StandardCharsets.UTF_8));
        HttpJson.Response empty = http.postWithContentType("/open311/v2/requests.json",
            "application/x-www-form-urlencoded", new byte[0]);

        assertThat(brokenEscape.status()).isEqualTo(400);
        assertThat(descriptions(brokenEscape.json())).singleElement().asString().startsWith("description: ");
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(descriptions(notUtf8.json())).singleElement().asString().startsWith("description: ");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(descriptions(nul.json())).singleElement().asString().startsWith("description: ");
        assertThat(newlineInName.status()).isEqualTo(400);
        assertThat(descriptions(newlineInName.json())).singleElement().asString().startsWith("first_name: ");
        assertThat(json.status()).isEqualTo(415);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(parseXml(latin1.body()).getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(noType.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(parseXml(huge.body()).getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(overOpen311Limit.status()).isEqualTo(413);
        assertThat(manyFields.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(403);
        for (HttpJson.Response answer : List.of(brokenEscape, notUtf8, surrogate, nul, newlineInName, json, noType,
            overOpen311Limit, manyFields, empty)) {
            assertJson(answer);
            assertThat(answer.json().isArray()).as(answer.body()).isTrue();
            assertThat(answer.json().get(0).get("description").asString()).contains(" / ");
            assertThat(answer.body()).doesNotContain("Exception", "at cn.", "at org.");
        }
    }

    @Test
    void emojiAndRareCharactersAreStoredFaithfully() {
        Map<String, List<String>> form = riderInsuranceClaim();
        form.put("description", List.of("𠮷野家门口🛵雨天送餐途中\u200d摔倒。\n第二行。"));

        String id = file(form);

        JsonNode request = client().get("/open311/v2/requests/" + id + ".json?api_key=" + API_KEY).json().get(0);
        assertThat(request.get("description").asString()).isEqualTo("𠮷野家门口🛵雨天送餐途中\u200d摔倒。\n第二行。");
    }

    @Test
    void unknownFormatsAndAddressesAreTheSpecs404() throws Exception {
        HttpJson.Response yaml = client().get("/open311/v2/services.yaml");
        HttpJson.Response noSuffix = client().get("/open311/v2/services");
        HttpJson.Response elsewhere = client().get("/open311/v3/anything.xml");
        HttpJson.Response wrongMethod = client().send(client().builder("/open311/v2/services.json")
            .DELETE().build());
        HttpJson.Response postedYaml = post("/open311/v2/requests.yaml", riderInsuranceClaim());

        assertThat(yaml.status()).isEqualTo(404);
        assertThat(yaml.json().get(0).get("description").asString()).contains(".json", ".xml");
        assertThat(noSuffix.status()).isEqualTo(404);
        assertThat(noSuffix.json().isArray()).isTrue();
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(parseXml(elsewhere.body()).getDocumentElement().getTagName()).isEqualTo("errors");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
        assertThat(wrongMethod.json().get(0).get("code").asInt()).isEqualTo(405);
        assertThat(postedYaml.status()).isEqualTo(404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameNumberAndToken() {
        long before = mongo.getCollection("grievances").countDocuments();

        HttpJson.Response first = post("/open311/v2/requests.json", riderInsuranceClaim(), "Idempotency-Key", "mp-7f3a-0001");
        HttpJson.Response retry = post("/open311/v2/requests.json", riderInsuranceClaim(), "Idempotency-Key", "mp-7f3a-0001");
        Map<String, List<String>> other = riderInsuranceClaim();
        other.put("address_string", List.of("成龙大道三段"));
        HttpJson.Response reused = post("/open311/v2/requests.json", other, "Idempotency-Key", "mp-7f3a-0001");
        HttpJson.Response badKey = post("/open311/v2/requests.json", riderInsuranceClaim(), "Idempotency-Key", "a key with spaces");

        assertThat(retry.json().get(0).get("service_request_id").asString())
            .isEqualTo(first.json().get(0).get("service_request_id").asString());
        assertThat(retry.json().get(0).get("token").asString()).isEqualTo(first.json().get(0).get("token").asString());
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(mongo.getCollection("grievances").countDocuments()).isEqualTo(before + 1);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get(0).get("description").asString()).contains("Idempotency-Key");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(descriptions(badKey.json())).singleElement().asString().startsWith("Idempotency-Key: ");
    }

    @Test
    void anAddressIdCarriesTheDivisionCode() {
        Map<String, List<String>> form = riderInsuranceClaim();
        form.remove("attribute[division_code]");
        form.put("address_id", List.of("510107003"));
        Map<String, List<String>> conflicting = riderInsuranceClaim();
        conflicting.put("address_id", List.of("510107003"));

        String id = file(form);
        HttpJson.Response refused = post("/open311/v2/requests.json", conflicting);

        JsonNode request = client().get("/open311/v2/requests/" + id + ".json?api_key=" + API_KEY).json().get(0);
        assertThat(request.get("address_id").asString()).isEqualTo("510107003");
        assertThat(request.get("address").asString()).contains("玉林街道", "武侯区");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(descriptions(refused.json())).singleElement().asString().startsWith("address_id: ");
    }

    @Test
    void theRateLimitAnswersInTheSpecsFormatWithRetryAfter() throws Exception {
        HttpJson http = client();
        int[] statuses = new int[31];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = http.get("/open311/v2/services.json").status();
        }
        HttpJson.Response limited = http.get("/open311/v2/services.xml");

        assertThat(statuses[29]).isEqualTo(200);
        assertThat(statuses[30]).isEqualTo(429);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).matches("\\d+");
        Element errors = parseXml(limited.body()).getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(text(children(errors, "error").get(0), "code")).isEqualTo("429");
    }

    @Test
    void discoveryPointsClientsAtTheEndpoint() throws Exception {
        JsonNode json = client().get("/open311/discovery.json").json();
        Element xml = parseXml(client().get("/open311/discovery.xml").body()).getDocumentElement();

        JsonNode endpoint = json.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asString()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats").valueStream().map(JsonNode::asString).toList())
            .containsExactly("text/xml", "application/json");
        assertThat(xml.getTagName()).isEqualTo("discovery");
        assertThat(childNames(xml)).containsExactly("changeset", "contact", "key_service", "endpoints");
    }

    // ---- an Open311 client, as the spec has it ----

    /** The spec's JSON content type, in UTF-8 (the container may drop the space before charset). */
    static void assertJson(HttpJson.Response answer) {
        MediaType type = MediaType.parseMediaType(answer.header("Content-Type"));
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo("application/json");
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    /** The spec's XML content type, {@code text/xml}, in UTF-8. */
    static void assertXml(HttpJson.Response answer) {
        MediaType type = MediaType.parseMediaType(answer.header("Content-Type"));
        assertThat(type.getType() + "/" + type.getSubtype()).isEqualTo("text/xml");
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    private HttpJson client() {
        return HttpJson.at(port).withHeader("X-Forwarded-For", clientAddress);
    }

    private HttpJson.Response post(String path, Map<String, List<String>> form, String... headers) {
        return client().postWithContentType(path, "application/x-www-form-urlencoded; charset=utf-8",
            encode(form).getBytes(StandardCharsets.UTF_8), headers);
    }

    private String file(Map<String, List<String>> form) {
        HttpJson.Response filed = post("/open311/v2/requests.json", form);
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        return filed.json().get(0).get("service_request_id").asString();
    }

    static String encode(Map<String, List<String>> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, values) -> values.forEach(value -> pairs.add(
            URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    static List<String> descriptions(JsonNode errors) {
        return errors.valueStream().map(e -> e.get("description").asString()).toList();
    }

    private static List<String> ids(JsonNode requests) {
        return requests.valueStream().map(r -> r.get("service_request_id").asString()).toList();
    }

    private static List<String> codes(JsonNode attributes) {
        return attributes.valueStream().map(a -> a.get("code").asString()).toList();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return array.valueStream().filter(n -> value.equals(n.get(field).asString())).findFirst()
            .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getTagName());
            }
        }
        return names;
    }

    static String text(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).collect(Collectors.joining());
    }
}
