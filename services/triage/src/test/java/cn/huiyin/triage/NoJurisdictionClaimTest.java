package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A token whose jurisdiction claim is empty, blank or malformed covers no territory (the platform's access model):
 * a triage officer holding one reads no case by territory and finds none in a search.
 */
@ServiceTest
class NoJurisdictionClaimTest extends TriageScenario {

    @ParameterizedTest(name = "jurisdiction \"{0}\"")
    @ValueSource(strings = {"", " ", "51O100", "000000"})
    void anOfficerWithoutAUsableJurisdictionSeesNothing(String claim) {
        String id = kit.submit(grievance().description("骑手在大面街道被拖欠工资三个月。"));
        kit.awaitCase(id, CITY_TRIAGE_OFFICER);
        TestUser nowhere = TestUser.of("triage-officer", "org-nowhere", claim);

        int read = kit.as(nowhere).get("/api/grievances/" + id).status();
        JsonNode search = kit.as(nowhere).get("/api/grievances?size=100").json();

        assertThat(read).isEqualTo(403);
        assertThat(search.get("cases").valueStream().map(c -> c.get("grievanceId").asString())).doesNotContain(id);
    }

    @Test
    void theSameOfficerWithTheCitysJurisdictionReadsIt() {
        String id = kit.submit(grievance().description("骑手在大面街道被拖欠工资三个月。"));

        assertThat(kit.awaitCase(id, CITY_TRIAGE_OFFICER).get("grievanceId").asString()).isEqualTo(id);
    }
}
