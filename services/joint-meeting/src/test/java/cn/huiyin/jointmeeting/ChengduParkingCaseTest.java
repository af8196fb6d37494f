package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.DAMIAN_CONVENER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.DAMIAN_HANDLER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.JSON;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.URBAN_LIAISON;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chengdu parking case (Longquanyi, 大面街道): riders' grievances about one mall form a cluster, the cluster waits in
 * the street's queue, a joint meeting with urban management, the property manager and the platform assigns two action
 * items with working-day due dates, every member grievance shows the decision, and follow-up's completions show.
 * Due dates depend on the day, so it runs at the critical instants; the expected dates were counted by hand from the
 * State Council's 2026 schedule (meeting an hour after "now"; the meeting day never counts).
 */
@ServiceTest
class ChengduParkingCaseTest extends JointMeetingScenario {

    static Stream<Arguments> instants() {
        return Stream.of(
            Arguments.of(Named.of("Monday 09:05", TestInstants.MONDAY_MORNING), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14)),
            Arguments.of(Named.of("Friday 17:59", TestInstants.FRIDAY_1759), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 11)),
            // 10-01..10-07 off; Saturday 10-10 is a working day (调休).
            Arguments.of(Named.of("eve of National Day", TestInstants.EVE_OF_NATIONAL_DAY), LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 20)),
            // 02-15..02-23 off; Saturday 02-28 is a working day (调休).
            Arguments.of(Named.of("last working day before Spring Festival", TestInstants.LAST_WORKING_DAY_BEFORE_SPRING_FESTIVAL),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 6)),
            Arguments.of(Named.of("ordinary Wednesday", TestInstants.DEFAULT), LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 16)));
    }

    @ParameterizedTest
    @MethodSource("instants")
    void ridersParkingClusterIsDecidedByAJointMeetingWhoseItemsReachEveryGrievance(Instant now, LocalDate dueIn5,
                                                                                    LocalDate dueIn10) {
        clock.set(now);
        // Three riders complain about parking at the mall within days; the third brings the cluster to triage's threshold.
        List<String> riders = Stream.of(3, 2, 1).map(daysAgo -> {
            Instant at = now.minus(Duration.ofDays(daysAgo));
            String id = JointMeetingTestKit.newGrievanceId(at);
            kit.triagedAndAssigned(id, "PARKING_ACCESS", "510112002001", "FOOD_DELIVERY_RIDER", at, "org-street-damian",
                List.of("org-dept-urban", "org-ent-meituan"));
            return id;
        }).toList();
        String request = kit.jointReviewRequested(riders.get(2), "PLACE", "大面街道 · 停车难、进门难", riders,
            "PARKING_ACCESS", "510112002001", "org-street-damian");
        JsonNode queued = kit.awaitReviewRequest(DAMIAN_CONVENER, request, r -> r.get("grievanceCount").asInt() == 3
            && r.get("enterprises").size() == 1);

        assertThat(queued.get("state").asString()).isEqualTo("PENDING");
        assertThat(queued.get("convener").get("id").asString()).isEqualTo("org-street-damian");
        assertThat(texts(queued.get("enterprises"), "id")).containsExactly("org-ent-meituan");
        assertThat(queued.get("workerGroups").valueStream().map(JsonNode::asString)).containsExactly("FOOD_DELIVERY_RIDER");

        // A fourth rider joins the cluster: merged into the same request, not queued twice; a repeat changes nothing.
        String fourth = JointMeetingTestKit.newGrievanceId(now);
        kit.triagedAndAssigned(fourth, "PARKING_ACCESS", "510112002001", "FOOD_DELIVERY_RIDER", now, "org-street-damian",
            List.of("org-dept-urban"));
        List<String> members = Stream.concat(riders.stream(), Stream.of(fourth)).toList();
        kit.jointReviewRequested(fourth, "PLACE", "大面街道 · 停车难、进门难", members, "PARKING_ACCESS", "510112002001",
            "org-street-damian");
        kit.jointReviewRequested(fourth, "PLACE", "大面街道 · 停车难、进门难", members, "PARKING_ACCESS", "510112002001",
            "org-street-damian");
        JsonNode merged = kit.awaitReviewRequest(DAMIAN_CONVENER, request, r -> r.get("grievanceCount").asInt() == 4);
        assertThat(merged.get("revision").asInt()).isEqualTo(2);
        List<JsonNode> queuedEvents = JointMeetingTestKit.events("ReviewRequestQueued", request, 2);
        assertThat(queuedEvents.get(1).get("grievanceIds").valueStream().map(JsonNode::asString))
            .containsExactlyElementsOf(members);
        List<JsonNode> pending = kit.as(DAMIAN_CONVENER).get("/api/review-requests?state=PENDING").json().valueStream()
            .filter(r -> r.get("reviewRequestId").asString().equals(request)).toList();
        assertThat(pending).hasSize(1);

        // The street calls a meeting with urban management, the property manager and the platform.
        HttpJson convener = kit.as(DAMIAN_CONVENER);
        HttpJson.Response scheduled = convener.post("/api/meetings", JointMeetingTestKit.meeting("大面街道骑手停车难联席会议",
            now.plus(Duration.ofHours(1)), List.of("org-dept-urban"), List.of("org-ent-longhu-property", "org-ent-meituan")));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String meetingId = scheduled.json().get("meetingId").asString();
        JsonNode called = JointMeetingTestKit.events("MeetingScheduled", meetingId, 1).get(0);
        assertThat(texts(called.get("invitedEnterprises"), "id")).containsExactly("org-ent-longhu-property", "org-ent-meituan");
        assertThat(called.get("workerRepresentatives").get(0).get("label").asString()).isEqualTo("外卖骑手代表");

        JsonNode proposal = convener.get("/api/meetings/" + meetingId + "/agenda/proposal").json();
        JsonNode proposed = proposal.valueStream().filter(item -> item.get("reviewRequestIds").valueStream()
            .anyMatch(id -> id.asString().equals(request))).findFirst().orElseThrow();
        assertThat(proposed.get("grievanceIds").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(members);
        ObjectNode agenda = JSON.createObjectNode();
        agenda.putArray("items").addObject().put("title", "龙湖天街骑手停车难、进门难").putArray("reviewRequestIds").add(request);
        HttpJson.Response agendaSet = convener.put("/api/meetings/" + meetingId + "/agenda", agenda.toString(),
            "If-Match", scheduled.header("ETag"));
        assertThat(agendaSet.status()).as(agendaSet.body()).isEqualTo(200);
        String item = agendaSet.json().get("agenda").get(0).get("agendaItemId").asString();
        assertThat(kit.as(DAMIAN_CONVENER).get("/api/review-requests/" + request).json().get("state").asString())
            .isEqualTo("ON_AGENDA");

        assertThat(convener.put("/api/meetings/" + meetingId + "/attendance", """
            {"entries": [{"organisationId": "org-dept-urban", "status": "PRESENT"},
                         {"organisationId": "org-ent-longhu-property", "status": "DELEGATE", "note": "委托物业经理出席"},
                         {"organisationId": "org-ent-meituan", "status": "PRESENT"},
                         {"representative": "外卖骑手代表", "status": "PRESENT"}]}""").status()).isEqualTo(200);
        HttpJson.Response decided = convener.put("/api/meetings/" + meetingId + "/agenda/" + item + "/decision", """
            {"outcome": "ACTIONS",
             "messageToWorkers": "联席会议决定：城管部门在龙湖天街北门外增设骑手专用停车位，物业开放骑手取餐专用通道。",
             "actionItems": [
               {"leadOrganisationId": "org-dept-urban", "coOrganiserIds": ["org-street-damian"],
                "task": "在龙湖天街北门外增设骑手专用停车位并设置引导标识", "expectedOutcome": "新增骑手专用停车位200个",
                "dueInWorkingDays": 10},
               {"leadOrganisationId": "org-ent-longhu-property", "coOrganiserIds": ["org-ent-meituan"],
                "task": "为外卖骑手开放商场北门取餐专用通道并登记骑手门禁", "expectedOutcome": "骑手凭门禁卡经专用通道进出取餐",
                "dueInWorkingDays": 5}]}""");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        HttpJson.Response minutes = convener.put("/api/meetings/" + meetingId + "/minutes",
            "{\"text\": \"会议听取了骑手代表的意见，城管、物业和美团就停车与进门问题达成一致。\"}", "If-Match", decided.header("ETag"));
        assertThat(minutes.status()).as(minutes.body()).isEqualTo(200);

        // Not before it has started; then it concludes, once.
        assertThat(convener.post("/api/meetings/" + meetingId + "/conclude", "").json().get("code").asString())
            .isEqualTo("meeting.not-started");
        clock.advance(Duration.ofHours(3));
        HttpJson.Response concluded = convener.post("/api/meetings/" + meetingId + "/conclude", "");
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
        assertThat(concluded.json().get("state").asString()).isEqualTo("CONCLUDED");

        // Every member grievance shows the meeting, what the workers are told and both items with their due dates.
        for (String grievance : members) {
            JsonNode view = kit.awaitCaseView(DAMIAN_HANDLER, grievance, v -> true);
            JsonNode review = view.get("reviews").get(0);
            assertThat(review.get("state").asString()).isEqualTo("DECIDED");
            JsonNode meeting = review.get("meetings").get(0);
            assertThat(meeting.get("meetingId").asString()).isEqualTo(meetingId);
            assertThat(meeting.get("reachesThisCase").asBoolean()).isTrue();
            assertThat(meeting.get("decision").get("messageToWorkers").asString()).contains("增设骑手专用停车位");
            assertThat(meeting.get("decision").get("actionItems").valueStream().map(a -> a.get("dueDate").asString()))
                .containsExactly(dueIn10.toString(), dueIn5.toString());
        }

        // On the topic: the conclusion for every grievance, and one ActionItemAssigned per item, keyed by its id.
        JsonNode conclusion = JointMeetingTestKit.events("MeetingConcluded", meetingId, 1).get(0);
        assertThat(conclusion.get("decisions").get(0).get("grievanceIds").valueStream().map(JsonNode::asString))
            .containsExactlyElementsOf(members);
        JsonNode parking = JointMeetingTestKit.events("ActionItemAssigned", "AI-" + meetingId + "-1", 1).get(0);
        JsonNode gate = JointMeetingTestKit.events("ActionItemAssigned", "AI-" + meetingId + "-2", 1).get(0);
        assertThat(parking.get("leadOrganisation").get("id").asString()).isEqualTo("org-dept-urban");
        assertThat(parking.get("dueDate").asString()).isEqualTo(dueIn10.toString());
        assertThat(parking.get("dueAt").asString()).isEqualTo(closeOfBusiness(dueIn10).toString());
        assertThat(parking.get("divisionCode").asString()).isEqualTo("510112002");
        assertThat(parking.get("grievanceIds").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(members);
        assertThat(gate.get("dueDate").asString()).isEqualTo(dueIn5.toString());
        assertThat(gate.get("coOrganisers").get(0).get("id").asString()).isEqualTo("org-ent-meituan");

        // Urban management sees the item it leads; follow-up's completions show on every grievance.
        assertThat(kit.as(URBAN_LIAISON).get("/api/action-items").json().valueStream()
            .filter(owned -> owned.get("meetingId").asString().equals(meetingId)).map(owned -> owned.get("role").asString()))
            .containsExactly("LEAD");
        kit.actionItemCompleted(parking, "DONE", "已划设骑手专用停车位200个");
        kit.actionItemCompleted(gate, "EXPLAINED", "商场消防通道不能改作取餐通道，已改在东门设骑手取餐点");
        JsonNode carriedOut = kit.awaitCaseView(DAMIAN_HANDLER, members.get(0), v -> v.get("reviews").get(0)
            .get("meetings").get(0).get("decision").get("carriedOut").asBoolean());
        assertThat(carriedOut.get("reviews").get(0).get("meetings").get(0).get("decision").get("actionItems").valueStream()
            .map(a -> a.get("status").asString())).containsExactly("DONE", "EXPLAINED");
    }

    private static Instant closeOfBusiness(LocalDate day) {
        return day.atTime(17, 30).atZone(JointMeetingTestKit.BEIJING).toInstant();
    }
}
