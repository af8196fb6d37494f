package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.AccessTableScenario;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestUser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may call each endpoint of triage, and where: written down here, checked against the running service (format:
 * {@link AccessTable}).
 */
@ServiceTest
class AccessTest extends AccessTableScenario {

    @Autowired
    TestClock clock;

    @Override
    protected String table() {
        return """
            # Cases
            GET  /api/grievances/{grievanceId}                | triage-officer org-handler department-liaison supervisor meeting-convener | scoped
            GET  /api/grievances?size=100                     | triage-officer supervisor | filtered
            POST /api/grievances/{grievanceId}/accept         | org-handler department-liaison |
            POST /api/grievances/{grievanceId}/return         | org-handler department-liaison |
            POST /api/grievances/{grievanceId}/ruling         | org-handler supervisor triage-officer |
            POST /api/grievances/{grievanceId}/reclassify     | triage-officer |
            POST /api/grievances/{grievanceId}/reroute        | triage-officer |
            POST /api/grievances/{grievanceId}/merge          | triage-officer |
            POST /api/grievances/{grievanceId}/keep-separate  | triage-officer |
            # Rules
            GET  /api/triage/rules                            | admin triage-officer supervisor |
            POST /api/triage/rules/reload                     | admin |
            POST /api/triage/preview                          | admin triage-officer window-clerk hotline-operator |
            # Inboxes
            GET  /api/organisations/{organisationId}/inbox    | org-handler department-liaison supervisor triage-officer meeting-convener |
            GET  /api/inbox                                   | org-handler department-liaison supervisor triage-officer meeting-convener |
            # The organisation registry
            GET  /api/organisations                           | admin triage-officer org-handler department-liaison supervisor meeting-convener window-clerk hotline-operator callback-agent dashboard-viewer |
            GET  /api/organisations/{organisationId}          | admin triage-officer org-handler department-liaison supervisor meeting-convener window-clerk hotline-operator callback-agent dashboard-viewer |
            PUT  /api/organisations/{organisationId}          | admin |
            PUT  /api/organisations                           | admin |
            # The audit trail
            GET  /api/audit?grievanceId={grievanceId}         | supervisor admin | filtered(supervisor)
            GET  /api/audit/export?grievanceId={grievanceId}  | supervisor admin | filtered(supervisor)
            """;
    }

    /**
     * A rider's claim in 大面街道, routed to the online-delivery committee with 人社: seen by the district's triage
     * officers, the city's supervisors and the handling organisations; not by 锦江区, nor by the express committee.
     */
    @Override
    protected Optional<AccessTable.Fixture> fixture() {
        TriageTestKit kit = new TriageTestKit(port, clock);
        try {
            String id = kit.submit(grievance());
            kit.awaitCase(id, CITY_TRIAGE_OFFICER);
            await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(TestUser.of("admin"))
                .get("/api/audit?grievanceId=" + id).json().get("total").asLong() > 0);
            return Optional.of(new AccessTable.Fixture(Map.of("grievanceId", id), id,
                role -> switch (role) {
                    case "org-handler", "meeting-convener" -> TestUser.of(role, "org-committee-online-delivery", "510100");
                    case "department-liaison" -> TestUser.of(role, "org-dept-hrss", "510100");
                    case "supervisor" -> TestUser.of(role, "org-city-swb", "510100");
                    default -> TestUser.of(role, "org-district-lqy", "510112");
                },
                role -> List.of(TestUser.of(role, "org-committee-express", "510104"))));
        } finally {
            kit.close();
        }
    }
}
