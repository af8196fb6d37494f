package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.DAMIAN_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A handler escalates a case their organisation leads and has signed for (提请联席会商); it waits in the queue of the
 * convener. Nobody else may escalate it, not before sign-for, and not twice.
 */
@ServiceTest
class EscalationTest extends JointMeetingScenario {

    private static final TestUser COMMITTEE_CONVENER = TestUser.of("meeting-convener", "org-committee-online-delivery",
        "510100");

    @Test
    void theLeadThatSignedForACaseEscalatesItOnceIntoItsConvenersQueue() {
        String grievance = JointMeetingTestKit.newGrievanceId(JointMeetingTestKit.now());
        kit.triagedAndAssigned(grievance, "INJURY_INSURANCE", "510112002", "FOOD_DELIVERY_RIDER",
            JointMeetingTestKit.now(), "org-committee-online-delivery", List.of("org-dept-hrss", "org-ent-meituan"));
        String path = "/api/cases/" + grievance + "/escalations";
        String body = "{\"explanation\": \"保险公司以订单时间相差15分钟为由拒赔，需人社、平台和保险公司共同会商\"}";
        HttpJson committee = kit.as(COMMITTEE_HANDLER);

        HttpJson.Response beforeSignFor = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> committee.post(path, body), r -> r.status() == 409);
        assertThat(beforeSignFor.status()).isEqualTo(409);
        assertThat(beforeSignFor.json().get("code").asString()).isEqualTo("case.not-signed-for");
        assertThat(kit.as(DAMIAN_HANDLER).post(path, body).status()).isEqualTo(403);

        kit.accepted(grievance, "org-committee-online-delivery");
        HttpJson.Response escalated = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> committee.post(path, body), r -> r.status() != 409);

        assertThat(escalated.status()).as(escalated.body()).isEqualTo(201);
        assertThat(escalated.header("Location")).isEqualTo("/api/review-requests/RR-" + grievance);
        JsonNode queued = kit.awaitReviewRequest(COMMITTEE_CONVENER, "RR-" + grievance, r -> true);
        assertThat(queued.get("source").asString()).isEqualTo("ESCALATION");
        assertThat(queued.get("state").asString()).isEqualTo("PENDING");
        assertThat(queued.get("escalations").get(0).get("explanation").asString()).contains("15分钟");
        assertThat(queued.get("enterprises").get(0).get("id").asString()).isEqualTo("org-ent-meituan");
        JsonNode event = JointMeetingTestKit.events("ReviewRequestQueued", "RR-" + grievance, 1).get(0);
        assertThat(event.get("convener").get("id").asString()).isEqualTo("org-committee-online-delivery");

        HttpJson.Response again = committee.post(path, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("review.already-queued");
        assertThat(committee.post("/api/cases/HY-20200101-000001/escalations", body).status()).isEqualTo(404);
        assertThat(committee.post(path, "{\"explanation\": \"\"}").status()).isEqualTo(400);
    }
}
