package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Workers' names, phone and ID numbers: unreadable at rest, masked in views, unmasked only to contact, audited. */
@ServiceTest
class PersonalDataTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final TestUser clerk = TestUser.of("window-clerk", "org-lqy-window", "510112");
    private final TestUser callbackAgent = TestUser.of("callback-agent", "org-hotline-12345", "510100");

    @Test
    void readingMongoDbDirectlyShowsNoPhoneIdNumberOrName() {
        String id = file();

        Document stored = mongo.getCollection("grievances").find(new Document("_id", id)).first();

        String raw = stored.toJson();
        assertThat(raw).doesNotContain("13812341234", "11010519491231002X", "李明");
        Document worker = stored.get("worker", Document.class);
        assertThat(worker.getString("mobile")).startsWith("v1:k1:");
        assertThat(worker.getString("residentId")).startsWith("v1:k1:");
        assertThat(worker.getString("name")).startsWith("v1:k1:");
        assertThat(worker.getString("group")).isEqualTo("FOOD_DELIVERY_RIDER");
    }

    @Test
    void staffSeeMaskedNumbersAndOnlyThoseWhoMustCallTheWorkerSeeThemWhole() {
        String id = file();
        HttpJson http = HttpJson.at(port);

        JsonNode asClerk = http.as(clerk).get("/api/grievances/" + id).json();
        HttpJson.Response clerkContact = http.as(clerk).get("/api/grievances/" + id + "/contact?reason=x");
        HttpJson.Response agentContact = http.as(callbackAgent).get("/api/grievances/" + id + "/contact?reason=满意度回访");
        HttpJson.Response handlerNotAssigned = http.as(TestUser.of("org-handler", "org-committee-online-delivery", "510100"))
            .get("/api/grievances/" + id + "/contact?reason=联系");

        assertThat(asClerk.at("/worker/mobile").asString()).isEqualTo("138********");
        assertThat(asClerk.at("/worker/name").asString()).isEqualTo("李*");
        assertThat(asClerk.at("/worker/residentId").asString()).isEqualTo("110105********002X");
        assertThat(clerkContact.status()).isEqualTo(403);
        assertThat(agentContact.status()).isEqualTo(200);
        assertThat(agentContact.json().get("mobile").asString()).isEqualTo("13812341234");
        assertThat(agentContact.json().get("residentId").asString()).isEqualTo("11010519491231002X");
        assertThat(handlerNotAssigned.status()).isEqualTo(403);
    }

    @Test
    void everyUnmaskingLeavesAnAuditEntrySayingWhoWhenWhichCaseAndWhy() {
        String id = file();
        HttpJson.at(port).as(callbackAgent).get("/api/grievances/" + id + "/contact?reason=满意度回访");

        JsonNode audit = HttpJson.at(port).as(TestUser.of("supervisor"))
            .get("/api/audit?grievanceId=" + id + "&kind=PERSONAL_DATA_READ").json();

        assertThat(audit.get("total").asLong()).isEqualTo(1);
        JsonNode entry = audit.get("entries").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo(callbackAgent.username());
        assertThat(entry.get("reason").asString()).isEqualTo("满意度回访");
        assertThat(entry.get("fields").valueStream().map(JsonNode::asString)).contains("name", "mobile", "residentId");
        assertThat(entry.get("at").asString()).isNotBlank();
    }

    @Test
    void theFilingItselfIsInTheAuditTrailWithTheClerkAsActor() {
        String id = file();

        JsonNode audit = HttpJson.at(port).as(TestUser.of("supervisor"))
            .get("/api/audit?grievanceId=" + id + "&kind=STATE_CHANGE").json();

        assertThat(audit.get("entries").get(0).get("action").asString()).isEqualTo("GrievanceSubmitted");
        assertThat(audit.get("entries").get(0).get("actor").asString()).isEqualTo(clerk.username());
    }

    @Test
    void aContactRequestWithoutAReasonIsRefused() {
        String id = file();

        HttpJson.Response answer = HttpJson.at(port).as(callbackAgent).get("/api/grievances/" + id + "/contact");

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void operatorInjectionInAFieldIsAWrongTypeNotAQuery() {
        HttpJson http = HttpJson.at(port).as(clerk);

        HttpJson.Response injected = http.post("/api/grievances",
            FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("\"13812341234\"", "{\"$gt\": \"\"}"));
        HttpJson.Response inPath = http.get("/api/grievances/%7B%22$ne%22:null%7D");
        HttpJson.Response inQuery = http.get("/api/grievances?status=%7B%22$ne%22:null%7D");

        assertThat(injected.status()).isEqualTo(400);
        assertThat(FilingAGrievanceTest.fields(injected.json())).containsExactly("worker.mobile");
        assertThat(inPath.status()).isEqualTo(404);
        assertThat(inQuery.status()).isEqualTo(400);
    }

    private String file() {
        return HttpJson.at(port).as(clerk).post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM)
            .json().get("trackingNumber").asString();
    }
}
