package cn.huiyin.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two Open311 apps file grievances through the same endpoint. A worker's grievance is not a pothole: neither app can
 * read the other's, by id, by token or in a list.
 */
@ServiceTest
@TestPropertySource(properties = {
    "huiyin.intake.open311.clients[0].name=demo",
    "huiyin.intake.open311.clients[0].api-key=" + Open311ClientTest.API_KEY,
    "huiyin.intake.open311.clients[0].org=demo-open311-app",
    "huiyin.intake.open311.clients[1].name=station-app",
    "huiyin.intake.open311.clients[1].api-key=station-app-key-0123456789",
    "huiyin.intake.open311.clients[1].org=org-rider-station"})
class Open311ClientsSeeOnlyTheirOwnTest {

    static final String STATION_KEY = "station-app-key-0123456789";

    @LocalServerPort
    int port;

    @Test
    void anotherClientsGrievanceIsNotFoundByIdByTokenOrInAList() {
        Map<String, List<String>> form = Open311ClientTest.riderInsuranceClaim();
        form.put("api_key", List.of(STATION_KEY));
        JsonNode filed = http().postWithContentType("/open311/v2/requests.json", "application/x-www-form-urlencoded",
            Open311ClientTest.encode(form).getBytes(StandardCharsets.UTF_8)).json().get(0);
        String id = filed.get("service_request_id").asString();
        String token = filed.get("token").asString();
        String demo = "?api_key=" + Open311ClientTest.API_KEY;

        HttpJson.Response byId = http().get("/open311/v2/requests/" + id + ".json" + demo);
        HttpJson.Response byToken = http().get("/open311/v2/tokens/" + token + ".xml" + demo);
        JsonNode demoList = http().get("/open311/v2/requests.json" + demo).json();
        JsonNode demoById = http().get("/open311/v2/requests.json" + demo + "&service_request_id=" + id).json();
        JsonNode stationList = http().get("/open311/v2/requests.json?api_key=" + STATION_KEY).json();
        HttpJson.Response stationById = http().get("/open311/v2/requests/" + id + ".json?api_key=" + STATION_KEY);

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byToken.status()).isEqualTo(404);
        assertThat(byToken.body()).contains("<errors>", "<code>404</code>");
        assertThat(demoList.valueStream().map(r -> r.get("service_request_id").asString())).doesNotContain(id);
        assertThat(demoById.size()).isZero();
        assertThat(stationList.valueStream().map(r -> r.get("service_request_id").asString())).contains(id);
        assertThat(stationById.status()).isEqualTo(200);
    }

    private HttpJson http() {
        return HttpJson.at(port).withHeader("X-Forwarded-For", "198.51.100.7");
    }
}
