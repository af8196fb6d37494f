package cn.huiyin.platform.service.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A supervisor searches and exports the audit trail of their own jurisdiction only: a district its grievances, the
 * city those of all its districts, another city none of them; a token without a jurisdiction finds nothing.
 */
@ServiceTest
class AuditJurisdictionTest {

    private static final String LONGQUANYI = "HY-20261122-000701";
    private static final String JINJIANG = "HY-20261122-000702";
    private static final String ZIGONG = "HY-20261122-000703";

    @LocalServerPort
    int port;

    @BeforeEach
    void somebodyReadsTheWorkersOfThreePlaces() {
        HttpJson agent = HttpJson.at(port).as(TestUser.of("callback-agent", "org-hotline-12345", "510000"));
        for (String id : List.of(LONGQUANYI, JINJIANG, ZIGONG)) {
            agent.get("/api/cases/" + id + "/contact?reason=%E5%9B%9E%E8%AE%BF");
        }
    }

    @Test
    void eachSupervisorFindsTheReadsOfTheirOwnJurisdiction() {
        assertThat(found(TestUser.of("supervisor", "org-district-lqy", "510112"))).contains(LONGQUANYI)
            .doesNotContain(JINJIANG, ZIGONG);
        assertThat(found(TestUser.of("supervisor", "org-district-jj", "510104"))).contains(JINJIANG)
            .doesNotContain(LONGQUANYI, ZIGONG);
        assertThat(found(TestUser.of("supervisor", "org-city-swb", "510100"))).contains(LONGQUANYI, JINJIANG)
            .doesNotContain(ZIGONG);
        assertThat(found(TestUser.of("admin", "org-city-swb", "510100"))).contains(LONGQUANYI, JINJIANG, ZIGONG);
    }

    @Test
    void aSupervisorWithoutAUsableJurisdictionFindsNothing() {
        for (String claim : List.of("", "51O112", "000000")) {
            TestUser nowhere = TestUser.of("supervisor", "org-nowhere", claim);

            assertThat(HttpJson.at(port).as(nowhere).get("/api/audit?size=500").json().get("total").asLong())
                .as(claim).isZero();
            assertThat(HttpJson.at(port).as(nowhere).get("/api/audit/export?format=ndjson").body()).as(claim).isEmpty();
        }
    }

    @Test
    void theExportHoldsTheSameJurisdictionAndIsItselfAuditedThere() {
        TestUser district = TestUser.of("supervisor", "org-district-lqy", "510112");

        HttpJson.Response csv = HttpJson.at(port).as(district).get("/api/audit/export");
        HttpJson.Response ndjson = HttpJson.at(port).as(district).get("/api/audit/export?format=ndjson");

        assertThat(csv.body()).contains(LONGQUANYI).doesNotContain(JINJIANG, ZIGONG);
        assertThat(ndjson.body().lines()).allSatisfy(line -> assertThat(line).doesNotContain(JINJIANG, ZIGONG))
            .anySatisfy(line -> assertThat(line).contains(LONGQUANYI));
        JsonNode exports = HttpJson.at(port).as(TestUser.of("supervisor", "org-district-jj", "510104"))
            .get("/api/audit?kind=EXPORT&size=500").json();
        assertThat(exports.get("entries").valueStream().map(e -> e.get("actor").asString()))
            .doesNotContain(district.username());
    }

    private List<String> found(TestUser supervisor) {
        JsonNode page = HttpJson.at(port).as(supervisor).get("/api/audit?kind=PERSONAL_DATA_READ&size=500").json();
        return page.get("entries").valueStream().map(e -> e.get("grievanceId").asString()).toList();
    }
}
