package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Staff see the grievances of their own territory; the query itself is limited to it. */
@ServiceTest
class JurisdictionTest {

    @LocalServerPort
    int port;

    private final TestUser longquanyiClerk = TestUser.of("window-clerk", "org-lqy-window", "510112");
    private final TestUser jinjiangClerk = TestUser.of("window-clerk", "org-jj-window", "510104");
    private final TestUser citySupervisor = TestUser.of("supervisor", "org-city-swb", "510100");

    @Test
    void aClerkReadsHerDistrictsGrievancesButNotAnotherDistricts() {
        String longquanyi = file(longquanyiClerk, "510112002");
        String jinjiang = file(jinjiangClerk, "510104001");
        HttpJson asLongquanyi = HttpJson.at(port).as(longquanyiClerk);

        HttpJson.Response own = asLongquanyi.get("/api/grievances/" + longquanyi);
        HttpJson.Response other = asLongquanyi.get("/api/grievances/" + jinjiang);

        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("code").asString()).isEqualTo("grievance.out-of-scope");
        assertThat(other.json().get("titleEn").asString()).isEqualTo("Forbidden");
    }

    @Test
    void aListHoldsOnlyWhatTheCallerMaySeeWhileTheCitySeesBoth() {
        String longquanyi = file(longquanyiClerk, "510112001");
        String jinjiang = file(jinjiangClerk, "510104002");

        JsonNode district = HttpJson.at(port).as(longquanyiClerk).get("/api/grievances?size=200").json();
        JsonNode city = HttpJson.at(port).as(citySupervisor).get("/api/grievances?size=200").json();

        assertThat(ids(district)).contains(longquanyi).doesNotContain(jinjiang);
        assertThat(district.get("grievances").valueStream().map(g -> g.at("/location/divisionCode").asString()))
            .allMatch(code -> code.startsWith("510112"));
        assertThat(ids(city)).contains(longquanyi, jinjiang);
    }

    @Test
    void anOrganisationHandlerSeesNothingUntilACaseIsAssignedToItsOrganisation() {
        String id = file(longquanyiClerk, "510112002");
        TestUser handler = TestUser.of("org-handler", "org-committee-online-delivery", "510100");

        HttpJson.Response read = HttpJson.at(port).as(handler).get("/api/grievances/" + id);
        JsonNode list = HttpJson.at(port).as(handler).get("/api/grievances").json();

        assertThat(read.status()).isEqualTo(403);
        assertThat(ids(list)).doesNotContain(id);
    }

    private String file(TestUser clerk, String divisionCode) {
        return HttpJson.at(port).as(clerk).post("/api/grievances",
                FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("510112002", divisionCode))
            .json().get("trackingNumber").asString();
    }

    private static java.util.List<String> ids(JsonNode page) {
        return page.get("grievances").valueStream().map(g -> g.get("grievanceId").asString()).toList();
    }
}
