package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every member of a cluster knows it: those filed before the threshold learn it from the grievance that reached it,
 * each with a history entry, a joint-review request and the joint-review deadlines, exactly as a member that joins
 * later.
 */
@ServiceTest
class ClusterMembersTest extends TriageScenario {

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void membersFiledBeforeTheThresholdShowTheClusterAndMoveOntoTheJointReviewDeadlines(Instant now) {
        clock.set(now);
        String firm = "测试外包" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "有限公司";
        JsonNode first = kit.submitAndAwait(wages(firm, "510104003", "押了一个月工资不发"));
        JsonNode second = kit.submitAndAwait(wages(firm, "510105004", "工资拖欠两个月"));
        String firstId = first.get("grievanceId").asString();
        assertThat(first.get("clusters")).isEmpty();
        assertThat(first.get("needsJointReview").asBoolean()).isFalse();
        Instant resolutionAlone = Instant.parse(first.at("/deadlines/resolutionDueAt").asString());

        JsonNode third = kit.submitAndAwait(wages(firm, "510106005", "跑单费一直没结算"));
        String clusterId = third.at("/clusters/0/clusterId").asString();

        JsonNode firstNow = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + firstId).json(),
                c -> c.get("clusters").size() == 1);
        assertThat(firstNow.at("/clusters/0/clusterId").asString()).isEqualTo(clusterId).isEqualTo("CL-E-" + firstId);
        assertThat(firstNow.at("/clusters/0/formedHere").asBoolean()).isFalse();
        assertThat(firstNow.at("/clusters/0/workerCount").asInt()).isEqualTo(3);
        assertThat(firstNow.get("needsJointReview").asBoolean()).isTrue();
        assertThat(actions(firstNow)).containsSubsequence("TRIAGED", "ASSIGNED", "CLUSTERED", "JOINT_REVIEW_REQUESTED");
        assertThat(firstNow.at("/deadlines/policy").asString()).contains("JOINT-REVIEW");
        assertThat(firstNow.at("/deadlines/resolutionDueAt").asString())
            .as("the same deadline as a member that joined the cluster on arrival")
            .isEqualTo(third.at("/deadlines/resolutionDueAt").asString());
        assertThat(Instant.parse(firstNow.at("/deadlines/resolutionDueAt").asString())).isAfter(resolutionAlone);
        assertThat(firstNow.at("/deadlines/responseDueAt").asString()).as("the response limit stays")
            .isEqualTo(first.at("/deadlines/responseDueAt").asString());

        JsonNode told = TriageTestKit.event(firstId, "GrievanceClustered");
        assertThat(told.get("formedBy").asString()).isEqualTo(third.get("grievanceId").asString());
        JsonNode request = TriageTestKit.event(firstId, "JointReviewRequested");
        assertThat(request.at("/reasons/0/id").asString()).isEqualTo("cluster/ENTERPRISE");
        assertThat(request.at("/clusters/0/clusterId").asString()).isEqualTo(clusterId);
        JsonNode retriaged = TriageTestKit.event(firstId, "GrievanceTriaged", e -> e.get("revision").asInt() == 2);
        assertThat(retriaged.get("needsJointReview").asBoolean()).isTrue();
        assertThat(retriaged.get("resolutionDueAt").asString()).isEqualTo(firstNow.at("/deadlines/resolutionDueAt").asString());

        JsonNode secondNow = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + second.get("grievanceId").asString()).json(),
                c -> c.get("clusters").size() == 1);
        assertThat(actions(secondNow).stream().filter("CLUSTERED"::equals)).hasSize(1);
    }

    private TriageTestKit.Submission wages(String firm, String place, String text) {
        return grievance().category("WAGES").employer(firm).place(place).description(text);
    }

    private static List<String> actions(JsonNode triageCase) {
        return triageCase.get("history").valueStream().map(h -> h.get("action").asString()).toList();
    }
}
