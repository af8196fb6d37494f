package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.ENTERPRISE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A worker who asked for confidentiality, whose case an officer nevertheless sent to the platform firm's party
 * organisation: the firm's handler reads the matter, but nothing that links it to the worker's other grievances.
 */
@ServiceTest
class ConfidentialWorkerTest extends TriageScenario {

    @Test
    void theEnterpriseSeesNoPseudonymNoDuplicatesAndNoOtherGrievanceNumbers() {
        String rider = TriageTestKit.newWorkerRef();
        String earlier = kit.submitAndAwait(grievance().worker(rider).confidential(true)
            .submittedAt(clock.instant().minus(Duration.ofDays(2)))).get("grievanceId").asString();
        JsonNode again = kit.submitAndAwait(grievance().worker(rider).confidential(true)
            .description("骑手再次来电询问理赔进展。"));
        String id = again.get("grievanceId").asString();
        assertThat(again.at("/duplicates/probableDuplicateOf").valueStream().map(JsonNode::asString)).contains(earlier);
        assertThat(kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-ent-meituan\", \"reason\": \"平台企业党组织协调 " + earlier + "\"}").status())
            .isEqualTo(200);

        String seenByTheFirm = kit.as(ENTERPRISE_HANDLER).get("/api/grievances/" + id).body();

        assertThat(seenByTheFirm).contains(id, "骑手再次来电询问理赔进展").doesNotContain(earlier, rider);
    }
}
