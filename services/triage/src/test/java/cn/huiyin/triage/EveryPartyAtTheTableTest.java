package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.ADMIN;
import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The right parties at the table: the property managers and operators of the places grievances name co-handle their
 * parking, access and stations, and a joint review of a place matter brings the street, urban management, the
 * property manager and the platforms whose workers are affected.
 */
@ServiceTest
class EveryPartyAtTheTableTest extends TriageScenario {

    @Test
    void aJointReviewOfRidersParkingAtAMallBringsTheStreetUrbanManagementThePropertyManagerAndThePlatforms() {
        Instant at = DuplicatesAndClustersTest.isolated();
        String first = kit.submitAndAwait(parkingAtTheMall("美团", at)).get("grievanceId").asString();
        String second = kit.submitAndAwait(parkingAtTheMall("饿了么", at.plus(Duration.ofHours(1)))).get("grievanceId")
            .asString();
        JsonNode third = kit.submitAndAwait(parkingAtTheMall("美团", at.plus(Duration.ofHours(2))));

        assertThat(third.at("/assignment/organisation/id").asString()).isEqualTo("org-street-dongan");
        assertThat(ids(third.at("/assignment/coHandlers")))
            .containsExactly("org-dept-urban", "org-pm-longhu-tianjie", "org-community-shufang");
        assertThat(third.at("/assignment/coHandlingRules").valueStream().map(r -> r.get("id").asString()))
            .contains("C16-PLACE-MANAGER");
        JsonNode request = TriageTestKit.event(third.get("grievanceId").asString(), "JointReviewRequested");
        Map<String, String> roles = roles(request);
        assertThat(roles).containsEntry("org-street-dongan", "LEAD")
            .containsEntry("org-dept-urban", "CO_HANDLER")
            .containsEntry("org-pm-longhu-tianjie", "CO_HANDLER")
            .containsEntry("org-ent-meituan", "INVITED")
            .containsEntry("org-ent-eleme", "INVITED");
        assertThat(request.get("parties").valueStream().filter(p -> p.get("id").asString().equals("org-ent-eleme"))
            .findFirst().orElseThrow().get("rule").asString()).isEqualTo("cluster/PLACE");

        JsonNode firstsRequest = TriageTestKit.event(first, "JointReviewRequested");
        assertThat(roles(firstsRequest)).containsKeys("org-street-dongan", "org-dept-urban", "org-pm-longhu-tianjie",
            "org-ent-meituan", "org-ent-eleme");

        // What an officer sees of the member filed first: its cluster, the table and the joint-review deadline.
        JsonNode firstNow = kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + first).json();
        assertThat(firstNow.at("/clusters/0/kind").asString()).isEqualTo("PLACE");
        assertThat(firstNow.at("/clusters/0/memberIds").valueStream().map(JsonNode::asString))
            .contains(first, second, third.get("grievanceId").asString());
        assertThat(firstNow.at("/clusters/0/workerCount").asInt()).isEqualTo(3);
        assertThat(firstNow.get("clusters").size()).as("a mall's parking is not the platform's matter").isEqualTo(1);
        assertThat(viewRoles(firstNow)).containsEntry("org-street-dongan", "LEAD")
            .containsEntry("org-dept-urban", "CO_HANDLER")
            .containsEntry("org-pm-longhu-tianjie", "CO_HANDLER")
            .containsEntry("org-ent-meituan", "INVITED")
            .containsEntry("org-ent-eleme", "INVITED");
        assertThat(firstNow.at("/deadlines/policy").asString()).contains("JOINT-REVIEW");
        assertThat(firstNow.at("/deadlines/resolutionDueAt").asString())
            .isEqualTo(third.at("/deadlines/resolutionDueAt").asString());
        JsonNode alone = kit.submitAndAwait(grievance().category("PARKING_ACCESS").place("510112005001")
            .description("龙湖天街门口骑手没地方停车").submittedAt(at.minus(Duration.ofDays(70))));
        assertThat(alone.get("jointReviewParties").isEmpty()).as("a case without a joint review has no table").isTrue();
    }

    @Test
    void aRiderWhoAskedForConfidentialityHasNeitherPropertyManagerNorPlatformInvolved() {
        JsonNode triaged = kit.submitAndAwait(grievance().category("PARKING_ACCESS").employer("美团").confidential(true)
            .place("510112005001").description("吾悦广场的保安不让骑手进门，还推搡骑手"));

        assertThat(ids(triaged.at("/assignment/coHandlers"))).containsExactly("org-dept-urban", "org-community-shufang");
    }

    @Test
    void aTruckDriversComplaintThroughTheTwelve328HotlineGoesToTheTransportCommitteeWithTransportAttached() {
        JsonNode triaged = kit.submitAndAwait(grievance().category(null).group("TRUCK_DRIVER").employer("货运平台运满满")
            .channel("HOTLINE_12328").place("510113001").address("青白江区大弯街道 物流园区北门")
            .description("青白江物流园区某厂区门口没有货车停车位，等待装货只能停在路边，一周内两次被贴罚单。"));

        assertThat(triaged.get("category").asString()).isEqualTo("PARKING_ACCESS");
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-transport");
        assertThat(triaged.at("/assignment/rule/descriptionZh").asString()).contains("交通运输行业党委");
        assertThat(ids(triaged.at("/assignment/coHandlers")))
            .containsExactly("org-dept-transport", "org-dept-traffic-police", "org-op-qbj-logistics-park");
    }

    @Test
    void anAdministratorRegistersTheOperatorOfAParkAndItsPlaceAndTheNextGrievanceNamingItIsCoHandledByIt() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String id = "org-op-test-park-" + suffix;
        String park = "测试软件园" + suffix;
        HttpJson.Response created = kit.as(ADMIN).put("/api/organisations/" + id, """
            {"name": "%s运营公司", "type": "PLACE_OPERATOR", "parentId": "org-street-jiujiang",
             "jurisdiction": ["510116003"], "competences": ["PARKING_ACCESS", "STATIONS_FACILITIES"],
             "places": [{"name": "%s", "aliases": ["软件园%s"], "divisionCode": "510116003"}]}
            """.formatted(park, park, suffix));
        HttpJson.Response wrong = kit.as(ADMIN).put("/api/organisations/org-dept-nowhere", """
            {"name": "无名局", "type": "MEMBER_DEPARTMENT", "parentId": "org-city-swb",
             "places": [{"name": "某广场", "divisionCode": "999999"}]}
            """);

        JsonNode triaged = kit.submitAndAwait(grievance().category("STATIONS_FACILITIES").employer("美团")
            .place("510116003").description(park + "里面没有骑手休息的地方，中午只能蹲在路边"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/places/0/name").asString()).isEqualTo(park);
        assertThat(ids(triaged.at("/assignment/coHandlers"))).contains(id);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(wrong.json())).containsExactlyInAnyOrder("places", "places[0].divisionCode");
    }

    private static TriageTestKit.Submission parkingAtTheMall(String platform, Instant at) {
        return grievance().category("PARKING_ACCESS").employer(platform).place("510112005001")
            .description("龙湖天街不让骑手的电动车停，进门取餐还被保安拦，只能停路边被罚").submittedAt(at);
    }

    private static List<String> ids(JsonNode organisations) {
        return organisations.valueStream().map(o -> o.get("id").asString()).toList();
    }

    private static Map<String, String> viewRoles(JsonNode triageCase) {
        return triageCase.get("jointReviewParties").valueStream().collect(Collectors.toMap(p -> p.get("id").asString(),
            p -> p.get("role").asString(), (a, b) -> a));
    }

    private static Map<String, String> roles(JsonNode request) {
        return request.get("parties").valueStream().collect(Collectors.toMap(p -> p.get("id").asString(),
            p -> p.get("role").asString(), (a, b) -> a));
    }
}
