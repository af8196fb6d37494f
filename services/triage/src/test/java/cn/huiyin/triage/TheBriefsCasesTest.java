package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.beijing;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import cn.huiyin.platform.test.ServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real cases of the domain brief, routed as a city official would expect, with deadlines on the 2026 calendar: the
 * Spring Festival holiday runs Sunday 15 to Monday 23 February; Saturday 14 and Saturday 28 February are worked
 * (调休).
 */
@ServiceTest
class TheBriefsCasesTest extends TriageScenario {

    @Test
    void aRidersRefusedInsuranceClaimFiledTheThursdayBeforeTheSpringFestivalGoesToTheOnlineDeliveryCommitteeWithHumanResources() {
        JsonNode triaged = kit.submitAndAwait(grievance().submittedAt(beijing(2026, 2, 12, 10, 0)));

        assertThat(triaged.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(triaged.get("category").asString()).isEqualTo("INJURY_INSURANCE");
        assertThat(triaged.get("urgency").asString()).isEqualTo("HIGH");
        assertThat(triaged.get("needsJointReview").asBoolean()).isFalse();
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(triaged.at("/assignment/organisation/name").asString()).isEqualTo("市网约配送行业党委");
        assertThat(coHandlers(triaged)).containsExactly("org-dept-hrss", "org-ent-meituan");
        assertThat(triaged.at("/assignment/rule/id").asString()).isEqualTo("L3-INDUSTRY/industry");
        assertThat(triaged.at("/assignment/rule/descriptionZh").asString()).contains("外卖骑手", "网约配送行业党委");
        assertThat(instant(triaged, "/deadlines/responseDueAt")).as("4 office hours").isEqualTo(beijing(2026, 2, 12, 15, 30));
        assertThat(instant(triaged, "/deadlines/resolutionDueAt")).as("3 working days: Fri 13, Sat 14 (调休), Tue 24")
            .isEqualTo(beijing(2026, 2, 24, 17, 30));
        assertThat(triaged.at("/deadlines/resolutionDueBeijing").asString()).startsWith("2026-02-24 17:30");
        assertThat(triaged.at("/classification/urgencyReasons/0/id").asString()).isEqualTo("U3-INJURY");

        List<ConsumerRecord<String, byte[]>> events = TriageTestKit.events(triaged.get("grievanceId").asString(), 2);
        assertThat(events).extracting(TriageTestKit::type).startsWith("GrievanceTriaged", "GrievanceAssigned");
        JsonNode assigned = TriageTestKit.event(triaged.get("grievanceId").asString(), "GrievanceAssigned");
        assertThat(assigned.at("/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(assigned.at("/organisation/type").asString()).isEqualTo("INDUSTRY_COMMITTEE");
        assertThat(assigned.get("attempt").asInt()).isEqualTo(1);
        assertThat(assigned.get("responseDueAt").asString()).isEqualTo("2026-02-12T07:30:00Z");
        assertThat(assigned.get("resolutionDueAt").asString()).isEqualTo("2026-02-24T09:30:00Z");
        assertThat(assigned.at("/rule/id").asString()).isEqualTo("L3-INDUSTRY/industry");
    }

    @Test
    void ridersWhoCannotParkOrEnterAMallGoToTheStreetOfTheMallAndCountTheWorkedSaturdays() {
        JsonNode triaged = kit.submitAndAwait(grievance().category("PARKING_ACCESS")
            .description("万达广场不让外卖骑手进门取餐，电动车也没有地方停，经常被保安驱赶。")
            .employer("饿了么").place("510112002001").submittedAt(beijing(2026, 2, 12, 16, 0)));

        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-street-damian");
        assertThat(triaged.at("/assignment/rule/id").asString()).isEqualTo("L4-PLACE/street");
        assertThat(coHandlers(triaged)).containsExactly("org-dept-urban", "org-community-damian");
        assertThat(triaged.get("urgency").asString()).isEqualTo("NORMAL");
        assertThat(instant(triaged, "/deadlines/responseDueAt")).as("24 h of working days").isEqualTo(beijing(2026, 2, 13, 16, 0));
        assertThat(instant(triaged, "/deadlines/resolutionDueAt")).as("7 working days, the 7th the worked Saturday 28 Feb")
            .isEqualTo(beijing(2026, 2, 28, 17, 30));
        TriageTestKit.events(triaged.get("grievanceId").asString(), 2);
    }

    @Test
    void aRiderFilingOnTheWorkedSaturdayBeforeTheFestivalWaitsUntilAfterItForTheResponse() {
        JsonNode triaged = kit.submitAndAwait(grievance().category("PARKING_ACCESS")
            .description("小区门禁不让骑手进，只能在门口等。").employer("饿了么").place("510104001")
            .submittedAt(beijing(2026, 2, 14, 16, 0)));

        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-street-chunxilu");
        assertThat(instant(triaged, "/deadlines/responseDueAt")).as("8 h left on Saturday, then Tuesday after the holiday")
            .isEqualTo(beijing(2026, 2, 24, 16, 0));
    }

    @Test
    void wageArrearsOfADozenRidersBeforeTheFestivalAreUrgentRunRoundTheClockAndAskForAJointReview() {
        JsonNode triaged = kit.submitAndAwait(grievance().category("WAGES").employer("某劳务外包公司")
            .description("站点12名骑手两个月工资被拖欠，春节回家前急需结清。").place("510107003")
            .submittedAt(beijing(2026, 2, 13, 20, 0)));

        assertThat(triaged.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(triaged.get("needsJointReview").asBoolean()).isTrue();
        assertThat(triaged.at("/classification/workersAffected").asInt()).isEqualTo(12);
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(coHandlers(triaged)).containsExactly("org-dept-hrss");
        assertThat(instant(triaged, "/deadlines/responseDueAt")).as("2 h, Friday evening").isEqualTo(beijing(2026, 2, 13, 22, 0));
        assertThat(instant(triaged, "/deadlines/resolutionDueAt")).as("24 h, the weekend does not stop it")
            .isEqualTo(beijing(2026, 2, 14, 20, 0));

        JsonNode request = TriageTestKit.event(triaged.get("grievanceId").asString(), "JointReviewRequested",
            r -> r.get("reasons").valueStream().anyMatch(reason -> reason.get("id").asString().equals("J1-MANY-WORKERS")));
        assertThat(request.at("/leadOrganisation/id").asString()).isEqualTo("org-committee-online-delivery");
    }

    @Test
    void aTruckDriversHotlineComplaintWithoutCategoryIsRecognisedAndGoesToTheTransportCommitteeWithTransport() {
        JsonNode triaged = kit.submitAndAwait(grievance().category(null).group("TRUCK_DRIVER").employer(null)
            .channel("HOTLINE_12328").confidential(true).description("厂区门口没有货车停车位，等待装货只能停在路边被罚款。")
            .place("510113"));

        assertThat(triaged.get("category").asString()).isEqualTo("PARKING_ACCESS");
        assertThat(triaged.at("/classification/source").asString()).isEqualTo("RULES");
        assertThat(triaged.at("/classification/confidence").asDouble()).isBetween(0.5, 0.9);
        assertThat(triaged.at("/classification/matchedTerms").valueStream().map(JsonNode::asString)).contains("停车");
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-transport");
        assertThat(triaged.at("/assignment/rule/id").asString()).isEqualTo("L5-DRIVERS-ON-THE-ROAD/industry");
        assertThat(coHandlers(triaged)).containsExactly("org-dept-transport", "org-dept-traffic-police");
    }

    @Test
    void aGridReportersBrokenManholeCoverIsUrgentAndGoesToTheStreet() {
        JsonNode triaged = kit.submitAndAwait(grievance().category(null).employer(null)
            .description("随手拍：洪河社区成龙大道路口井盖缺失，晚上骑车看不见，很危险。").place("510112002002")
            .submittedAt(beijing(2026, 2, 15, 21, 0)));

        assertThat(triaged.get("category").asString()).isEqualTo("SAFETY_HAZARD");
        assertThat(triaged.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-street-damian");
        assertThat(coHandlers(triaged)).containsExactly("org-dept-urban", "org-community-honghe");
        assertThat(instant(triaged, "/deadlines/responseDueAt")).as("2 h on the first day of the Spring Festival")
            .isEqualTo(beijing(2026, 2, 15, 23, 0));
    }

    @Test
    void aCourierWhoFearsTheFirmHasHisPenaltyTakenUpByTheExpressCommitteeNotByTheFirm() {
        JsonNode open = kit.submitAndAwait(grievance().category("PLATFORM_RULES").group("COURIER").employer("顺丰速运")
            .description("派件超时被罚款200元，申诉没人理。").place("510107003"));
        JsonNode confidential = kit.submitAndAwait(grievance().category("PLATFORM_RULES").group("COURIER")
            .employer("顺丰速运").confidential(true).description("派件超时被罚款200元，怕被封号不敢找公司。").place("510107003"));

        assertThat(open.at("/assignment/organisation/id").asString()).isEqualTo("org-ent-sf");
        assertThat(coHandlers(open)).containsExactly("org-dept-postal");
        assertThat(confidential.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-express");
        assertThat(coHandlers(confidential)).containsExactly("org-dept-postal");
    }

    @Test
    void aDeadlineInTwentyTwentySevenShowsTheCalendarIsProvisional() {
        JsonNode triaged = kit.submitAndAwait(grievance().category("CHILDREN_SCHOOLING").group("COURIER").employer("中通")
            .description("孩子明年春季想转学到附近学校，不知道要哪些材料。").place("510108002")
            .submittedAt(beijing(2026, 12, 21, 10, 0)));

        assertThat(triaged.get("needsJointReview").asBoolean()).isTrue();
        assertThat(instant(triaged, "/deadlines/resolutionDueAt")).as("15 working days").isEqualTo(beijing(2027, 1, 12, 17, 30));
        assertThat(triaged.at("/deadlines/warnings/0/kind").asString()).isEqualTo("PROVISIONAL_YEAR");
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo("org-street-jianshelu");
        assertThat(coHandlers(triaged)).containsExactly("org-dept-education", "org-dept-hrss");
        JsonNode assigned = TriageTestKit.event(triaged.get("grievanceId").asString(), "GrievanceAssigned");
        assertThat(assigned.get("calendarWarnings").get(0).asString()).contains("2027");
    }

    private static List<String> coHandlers(JsonNode triaged) {
        return triaged.at("/assignment/coHandlers").valueStream().map(c -> c.get("id").asString()).toList();
    }

    private static Instant instant(JsonNode node, String pointer) {
        return Instant.parse(node.at(pointer).asString());
    }
}
