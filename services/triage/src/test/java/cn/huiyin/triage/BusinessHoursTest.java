package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.ADMIN;
import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.beijing;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organisation's business hours count for the deadlines of the cases it leads: office hours are its office hours,
 * and a working day ends when it closes. The clock still starts at submission.
 */
@ServiceTest
class BusinessHoursTest extends TriageScenario {

    @Test
    void aHazardLedByAStreetThatWorksTillSixIsDueInItsHoursAndInTheDistrictsOnceReRoutedThere() {
        ObjectNode street = (ObjectNode) kit.as(ADMIN).get("/api/organisations/org-street-hongguang").json();
        street.remove("id");
        street.put("businessHours", "08:30-12:00,14:00-18:00");
        assertThat(kit.as(ADMIN).put("/api/organisations/org-street-hongguang", street.toString()).status()).isEqualTo(200);

        JsonNode hazard = kit.submitAndAwait(grievance().category("SAFETY_HAZARD").employer(null).place("510117003")
            .description("红光大道辅路的路灯坏了一个星期，晚上送餐看不清路。").submittedAt(beijing(2026, 12, 2, 10, 0)));

        assertThat(hazard.at("/assignment/organisation/id").asString()).isEqualTo("org-street-hongguang");
        assertThat(hazard.at("/deadlines/policy").asString()).isEqualTo("D6-HAZARD");
        assertThat(hazard.at("/deadlines/businessHours").asString()).isEqualTo("08:30-12:00,14:00-18:00");
        assertThat(instant(hazard, "/deadlines/responseDueAt")).as("4 office hours: 10-12, 14-16")
            .isEqualTo(beijing(2026, 12, 2, 16, 0));
        assertThat(instant(hazard, "/deadlines/resolutionDueAt")).as("3 working days, at the street's close")
            .isEqualTo(beijing(2026, 12, 7, 18, 0));

        String id = hazard.get("grievanceId").asString();
        HttpJson.Response rerouted = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-district-pd\", \"reason\": \"涉及多个街道，由区统筹\"}");

        assertThat(rerouted.status()).isEqualTo(200);
        JsonNode atTheDistrict = rerouted.json();
        assertThat(atTheDistrict.at("/deadlines/businessHours").asString()).isEqualTo("09:00-12:00,13:30-17:30");
        assertThat(instant(atTheDistrict, "/deadlines/responseDueAt")).as("the district's hours: 10-12, 13:30-15:30")
            .isEqualTo(beijing(2026, 12, 2, 15, 30));
        assertThat(instant(atTheDistrict, "/deadlines/resolutionDueAt")).isEqualTo(beijing(2026, 12, 7, 17, 30));
        JsonNode assigned = TriageTestKit.event(id, "GrievanceAssigned", e -> e.get("attempt").asInt() == 2);
        assertThat(Instant.parse(assigned.get("responseDueAt").asString())).isEqualTo(beijing(2026, 12, 2, 15, 30));
    }

    private static Instant instant(JsonNode node, String pointer) {
        return Instant.parse(node.at(pointer).asString());
    }
}
