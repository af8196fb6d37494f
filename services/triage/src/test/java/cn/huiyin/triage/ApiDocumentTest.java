package cn.huiyin.triage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A new user explores triage's API from its OpenAPI document. */
@ServiceTest
class ApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void everyTriageEndpointIsDescribed() {
        JsonNode document = HttpJson.at(port).get("/v3/api-docs").json();

        assertThat(document.get("paths").propertyNames()).contains("/api/grievances/{grievanceId}",
            "/api/grievances/{grievanceId}/accept", "/api/grievances/{grievanceId}/return",
            "/api/grievances/{grievanceId}/ruling", "/api/grievances/{grievanceId}/reclassify",
            "/api/grievances/{grievanceId}/reroute", "/api/grievances/{grievanceId}/merge",
            "/api/organisations/{organisationId}/inbox", "/api/inbox", "/api/organisations", "/api/triage/preview");
    }
}
