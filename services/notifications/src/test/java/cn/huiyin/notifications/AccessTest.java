package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Who may call each endpoint of notifications: written down here, checked against the running service (format:
 * {@link AccessTable}). Reads of a grievance's messages are scoped by jurisdiction (WorkerMessagesTest,
 * StaffMessagesTest), the inbox by organisation (StaffMessagesTest). It runs in the scenarios' context: a second
 * context would join the same consumer group and take half the partitions away from the scenarios.
 */
class AccessTest extends NotificationsScenario {

    static final String TABLE = """
        # Staff's inbox and a case's messages
        GET  /api/notifications/inbox                               | org-handler department-liaison supervisor meeting-convener callback-agent triage-officer admin |
        GET  /api/notifications/cases/{grievanceId}                 | supervisor callback-agent triage-officer admin |
        # Templates
        GET  /api/notifications/templates                           | supervisor admin triage-officer |
        POST /api/notifications/templates/{id}/preview              | supervisor admin triage-officer |
        # The worker's consent and a message sent again, on the worker's word
        GET  /api/notifications/workers/{grievanceId}/consent       | window-clerk hotline-operator callback-agent |
        PUT  /api/notifications/workers/{grievanceId}/consent       | window-clerk hotline-operator callback-agent |
        POST /api/notifications/workers/{grievanceId}/messages      | window-clerk hotline-operator callback-agent |
        # The worker's own opt-out with the receipt's tracking number and query code
        PUT  /api/public/notifications/consent                      | public |
        # The platform's audit trail
        GET  /api/audit?grievanceId={grievanceId}                   | supervisor admin |
        GET  /api/audit/export?grievanceId={grievanceId}            | supervisor admin |
        """;

    @Test
    void theTableListsEveryEndpointAndEachAnswersEveryRoleAsItSays() {
        HttpJson admin = HttpJson.at(port).as(TestUser.of("admin"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
            .until(() -> admin.get("/actuator/access").status() == 200);
        AccessTable table = AccessTable.parse(TABLE);
        assertThat(table.mismatchedEndpoints(port)).isEmpty();
        assertThat(table.probeRoles(port)).isEmpty();
    }
}
