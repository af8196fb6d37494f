package cn.huiyin.intake;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.AccessTableScenario;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;

/**
 * Who may call each endpoint of intake, and where: written down here, checked against the running service (format:
 * {@link AccessTable}).
 */
@ServiceTest
class AccessTest extends AccessTableScenario {

    private static final String STAFF_WHO_READ = "window-clerk hotline-operator triage-officer org-handler "
        + "department-liaison supervisor callback-agent";

    @Override
    protected String table() {
        return """
            # Filing and following (staff)
            POST /api/grievances                                      | window-clerk hotline-operator |
            GET  /api/grievances/{grievanceId}                        | %1$s | scoped
            GET  /api/grievances?size=200                             | %1$s | filtered
            GET  /api/grievances/{grievanceId}/contact?reason=check   | org-handler department-liaison callback-agent | scoped
            POST /api/grievances/by-mobile                            | window-clerk hotline-operator |
            POST /api/grievances/{grievanceId}/supplements            | window-clerk hotline-operator |
            POST /api/grievances/{grievanceId}/withdrawal             | window-clerk hotline-operator |
            POST /api/grievances/{grievanceId}/evidence               | window-clerk hotline-operator |
            GET  /api/grievances/{grievanceId}/evidence/{fileId}      | %1$s | scoped
            # The notification service (client credentials), audited
            GET  /api/internal/grievances/{grievanceId}/notification-contact | service |
            # The worker, without an account (query code)
            POST /api/public/grievances/lookup                        | public |
            POST /api/public/grievances/supplement                    | public |
            POST /api/public/grievances/withdraw                      | public |
            POST /api/public/grievances/evidence                      | public |
            # Administration and the audit trail
            POST /api/admin/retention/run                             | admin |
            POST /api/ledger-imports?source=access-check              | supervisor admin |
            GET  /api/audit?grievanceId={grievanceId}                 | supervisor admin | filtered(supervisor)
            GET  /api/audit/export?grievanceId={grievanceId}          | supervisor admin | filtered(supervisor)
            # Open311 GeoReport v2: public for OAuth; the api key is checked by the endpoints themselves
            GET  /open311/discovery.{format}                          | public |
            GET  /open311/v2/services.{format}                        | public |
            GET  /open311/v2/services/{service_code}.{format}         | public |
            POST /open311/v2/requests.{format}                        | public |
            GET  /open311/v2/requests.{format}                        | public |
            GET  /open311/v2/requests/{service_request_id}.{format}   | public |
            GET  /open311/v2/tokens/{token}.{format}                  | public |
            ANY  /open311/**                                          | public |
            """.formatted(STAFF_WHO_READ);
    }

    /**
     * A grievance filed in 大面街道 (龙泉驿区), with a file, handled by the online-delivery committee with 人社:
     * seen by the district's staff and the handling organisations, not by 锦江区 nor another organisation.
     */
    @Override
    protected Optional<AccessTable.Fixture> fixture() {
        TestUser clerk = TestUser.of("window-clerk", "org-lqy-window", "510112");
        String id = HttpJson.at(port).as(clerk).post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM)
            .json().get("trackingNumber").asString();
        String fileId = upload(clerk, id);
        try {
            Triage.assignToTheCommitteeWithMeituan(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        TestUser committee = TestUser.of("org-handler", "org-committee-online-delivery", "510100");
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(committee)
            .get("/api/grievances/" + id).status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(TestUser.of("admin"))
            .get("/api/audit?grievanceId=" + id).json().get("total").asLong() > 0);
        Set<String> byOrganisation = Set.of("org-handler", "department-liaison");
        return Optional.of(new AccessTable.Fixture(Map.of("grievanceId", id, "fileId", fileId), id,
            role -> switch (role) {
                case "org-handler" -> committee;
                case "department-liaison" -> TestUser.of(role, "org-dept-hrss", "510100");
                default -> TestUser.of(role, "org-district-lqy", "510112");
            },
            role -> byOrganisation.contains(role)
                ? List.of(TestUser.of(role, "org-street-jinjiang", "510104"))
                : List.of(TestUser.of(role, "org-district-jj", "510104"), TestUser.of(role, "org-elsewhere", "520100"))));
    }

    private String upload(TestUser clerk, String id) {
        String boundary = "huiyin-access";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\""
            + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(EvidenceTest.PNG);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String location = HttpJson.at(port).as(clerk).postWithContentType("/api/grievances/" + id + "/evidence",
            "multipart/form-data; boundary=" + boundary, body.toByteArray()).header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
