package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rows of a city's earlier ledger (台账) that intake imported: a row the ledger had closed is classified for the
 * records but given to no one; a row still open there is routed like any grievance.
 */
@ServiceTest
class LedgerRowsTest extends TriageScenario {

    private static final String RIDER_CLAIM = "外卖骑手送餐途中摔伤，平台保险拒赔，请求协助理赔。";

    @Test
    void aRowClosedInTheLedgerIsArchivedNotRouted() {
        Instant registered = Instant.parse("2025-04-17T01:30:00Z");
        Instant closed = Instant.parse("2025-05-06T08:00:00Z");

        JsonNode archived = kit.submitAndAwait(grievance().category(null).description(RIDER_CLAIM)
            .fromLedger("JC-2025-0417", registered, closed));
        String id = archived.get("grievanceId").asString();

        assertThat(archived.get("state").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.get("category").asString()).isEqualTo("INJURY_INSURANCE");
        assertThat(archived.path("assignment").isMissingNode() || archived.path("assignment").isNull()).isTrue();
        JsonNode triaged = TriageTestKit.event(id, "GrievanceTriaged");
        assertThat(triaged.get("category").asString()).isEqualTo("INJURY_INSURANCE");
        assertThat(kit.as(COMMITTEE_HANDLER).get("/api/inbox?view=ALL&size=100").body()).doesNotContain(id);
        assertThat(kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-committee-online-delivery\", \"reason\": \"重新派单\"}").status())
            .isEqualTo(409);
    }

    @Test
    void aRowStillOpenInTheLedgerIsRoutedLikeAnyGrievance() {
        JsonNode open = kit.submitAndAwait(grievance().category(null).description(RIDER_CLAIM)
            .fromLedger("JC-2025-0502", clock.instant().minus(Duration.ofDays(30)), null));

        assertThat(open.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(open.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
    }
}
