package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALLBACK_AGENT;
import static cn.huiyin.followup.FollowUpKit.COMMITTEE_HANDLER;
import static cn.huiyin.followup.FollowUpKit.HRSS_LIAISON;
import static cn.huiyin.followup.FollowUpKit.beijing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Heyuan rider's refused insurance claim (domain brief): the insurer refused because the injury time was 15
 * minutes off the order record; the route trace showed he was riding to his next pickup, and the insurer paid. Here it
 * runs from triage's assignment through follow-up's public API to a satisfied callback and closure, with the remedy
 * and every stage's duration in the history.
 */
class HeyuanRiderClaimTest extends FollowUpScenario {

    static final String REMEDY = """
        {"kind": "RESOLVED", "explanation": "经调取轨迹证明事发时处于配送途中，保险公司已同意理赔。",
         "remedy": {"moneyRecoveredYuan": 8260.00, "claimPaid": true}}""";

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void theRidersClaimRunsFromAssignmentToASatisfiedCallbackAndClosure(Instant filedAt) {
        clock.set(filedAt);
        Filed claim = kit.file(Lead.COMMITTEE);
        kit.signFor(claim, Lead.COMMITTEE, filedAt.plus(Duration.ofMinutes(10)));
        JsonNode signedFor = kit.awaitStatus(claim.id(), COMMITTEE_HANDLER, "SIGNED_FOR");
        assertThat(signedFor.at("/handling/lead/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(signedFor.at("/handling/above/0/id").asString()).isEqualTo("org-city-swb");
        JsonNode mine = kit.as(COMMITTEE_HANDLER).get("/api/cases/mine?size=100").json();
        JsonNode row = mine.get("items").valueStream().filter(r -> r.get("grievanceId").asString().equals(claim.id()))
            .findFirst().orElseThrow();
        assertThat(row.at("/deadline/id").asString()).as("the deadline that matters before contact").isEqualTo("RESPONSE");
        assertThat(row.at("/deadline/dueAt").asString()).isEqualTo(claim.responseDueAt().toString());

        clock.set(filedAt.plus(Duration.ofMinutes(30)));
        HttpJson committee = kit.as(COMMITTEE_HANDLER);
        assertThat(committee.post("/api/cases/" + claim.id() + "/first-contact", """
            {"channel": "PHONE", "note": "已电话联系骑手，了解事发经过"}""").status()).isEqualTo(200);
        JsonNode contact = topic.await(claim.id(), "FirstResponseRecorded");
        assertThat(contact.get("withinLimit").asBoolean()).isTrue();
        assertThat(contact.get("stage").asString()).isEqualTo("CONTACTED");

        clock.set(filedAt.plus(Duration.ofHours(2)));
        assertThat(committee.post("/api/cases/" + claim.id() + "/progress", """
            {"note": "已从平台调取事发时段完整骑行轨迹，显示骑手正前往下一单取餐点",
             "evidence": [{"reference": "intake-evidence:route-trace-1", "description": "骑行轨迹截图"}]}""").status())
            .isEqualTo(200);
        assertThat(kit.as(HRSS_LIAISON).post("/api/cases/" + claim.id() + "/progress", """
            {"note": "人社部门已向承保机构说明职业伤害保障的认定口径"}""").status()).isEqualTo(200);

        Instant resolvedAt = filedAt.plus(Duration.ofDays(1));
        clock.set(resolvedAt);
        assertThat(committee.post("/api/cases/" + claim.id() + "/resolution", REMEDY).status()).isEqualTo(200);
        JsonNode resolved = topic.await(claim.id(), "GrievanceResolved");
        assertThat(resolved.at("/remedy/claimPaid").asBoolean()).isTrue();
        assertThat(resolved.at("/remedy/moneyRecovered/yuan").asString()).isEqualTo("8260.00");
        assertThat(resolved.at("/remedy/moneyRecovered/fen").asLong()).isEqualTo(826_000L);

        clock.set(resolvedAt.plus(Duration.ofHours(20)));
        HttpJson.Response callback = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts", """
            {"outcome": "REACHED", "solved": "YES", "satisfaction": "SATISFIED", "comment": "理赔款已到账"}""");
        assertThat(callback.status()).isEqualTo(200);

        JsonNode closed = topic.await(claim.id(), "GrievanceClosed");
        assertThat(closed.get("outcome").asString()).isEqualTo("RESOLVED_AND_SATISFIED");
        assertThat(closed.at("/remedy/claimPaid").asBoolean()).isTrue();
        JsonNode file = callback.json();
        assertThat(file.get("status").asString()).isEqualTo("CLOSED");
        assertThat(file.at("/closure/outcome").asString()).isEqualTo("RESOLVED_AND_SATISFIED");
        assertThat(file.at("/resolutions/0/remedy/moneyRecoveredYuan").asString()).isEqualTo("8260.00");
        assertThat(file.get("stages").valueStream().map(s -> s.get("stage").asString()))
            .containsExactly("NEW", "ASSIGNED", "SIGNED_FOR", "IN_PROGRESS", "RESOLVED");
        for (JsonNode stage : file.get("stages")) {
            assertThat(stage.get("workingMinutes").asLong()).isBetween(0L, stage.get("clockMinutes").asLong());
        }
        long stagesWorking = file.get("stages").valueStream().mapToLong(s -> s.get("workingMinutes").asLong()).sum();
        assertThat(closed.get("totalWorkingMinutes").asLong()).as("each stage is rounded down to whole minutes")
            .isBetween(stagesWorking, stagesWorking + 5);
        assertThat(closed.get("totalClockMinutes").asLong()).as("from submission to closure, in minutes")
            .isEqualTo(Duration.between(claim.submittedAt(), Instant.parse(closed.get("closedAt").asString())).toMinutes());
        assertThat(file.get("history").valueStream().map(h -> h.get("code").asString())).containsSubsequence(
            "ASSIGNED", "SIGNED_FOR", "FIRST_CONTACT", "PROGRESS", "CO_HANDLER_PART", "RESOLVED", "CALLBACK", "CLOSED");
        assertThat(file.get("history").valueStream().map(h -> h.get("textZh").asString()))
            .contains("市网约配送行业党委 签收", "结案：已解决且满意");
        List<String> types = topic.of(claim.id()).stream().map(FollowUpTopic.Event::type).toList();
        assertThat(types).containsSubsequence("FirstResponseRecorded", "ProgressRecorded", "ProgressRecorded",
            "GrievanceResolved", "CallbackRecorded", "GrievanceClosed");
    }

    /**
     * Filed on an ordinary Wednesday at 10:00, the stages take, in office hours (09:00–12:00, 13:30–17:30): triage 5
     * minutes, sign-for 15, first contact 30, handling from Wednesday 10:50 to Thursday 15:00:30 = 70 + 240 + 180 +
     * 90.5 = 580.5 minutes (28 h 10.5 min on the clock), the callback from Thursday 15:00:30 to Friday 10:01 = 149.5 +
     * 61 = 210.5 minutes (19 h 0.5 min on the clock); each stage in whole minutes, the total 841 minutes. (The half
     * minutes keep the verdict clear of the milliseconds the test clock ticks on between steps.)
     */
    @Test
    void theHistoryShowsEachStageWithItsDurationInWorkingAndClockHours() {
        Instant submitted = beijing(2026, 12, 2, 10, 0);
        clock.set(submitted);
        Filed claim = kit.file(Lead.COMMITTEE, submitted, beijing(2026, 12, 2, 10, 5));
        kit.signFor(claim, Lead.COMMITTEE, beijing(2026, 12, 2, 10, 20));
        kit.awaitStatus(claim.id(), COMMITTEE_HANDLER, "SIGNED_FOR");
        clock.set(beijing(2026, 12, 2, 10, 50));
        kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/first-contact", "{\"channel\": \"PHONE\"}");
        clock.set(beijing(2026, 12, 3, 15, 0).plusSeconds(30));
        kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution", REMEDY);
        clock.set(beijing(2026, 12, 4, 10, 1));
        JsonNode file = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts",
            "{\"outcome\": \"REACHED\", \"solved\": \"YES\", \"satisfaction\": \"BASICALLY_SATISFIED\"}").json();

        assertThat(file.get("stages").valueStream().map(s -> s.get("stage").asString() + " "
            + s.get("workingMinutes").asLong() + "/" + s.get("clockMinutes").asLong())).containsExactly(
            "NEW 5/5", "ASSIGNED 15/15", "SIGNED_FOR 30/30", "IN_PROGRESS 580/1690", "RESOLVED 210/1140");
        assertThat(file.at("/stages/3/workingHours").decimalValue()).isEqualByComparingTo("9.67");
        assertThat(file.at("/stages/3/nameZh").asString()).isEqualTo("办理中");
        assertThat(file.at("/totals/workingHours").decimalValue()).isEqualByComparingTo("14.02");
        assertThat(file.at("/closure/outcome").asString()).isEqualTo("RESOLVED_AND_SATISFIED");
        JsonNode closed = topic.await(claim.id(), "GrievanceClosed");
        assertThat(closed.get("totalWorkingMinutes").asLong()).isEqualTo(841);
    }
}
