package cn.huiyin.followup;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.AccessTableScenario;
import cn.huiyin.platform.test.ServiceTest;

/**
 * Who may call each endpoint of follow-up: written down here, checked against the running service (format:
 * {@link AccessTable}). Each new endpoint gets its row, with the roles it means to allow and, for reads of records,
 * its jurisdiction column and a fixture.
 */
@ServiceTest
class AccessTest extends AccessTableScenario {

    @Override
    protected String table() {
        return """
            # The handling organisations' case files; supervisors, the callback centre and the services read them
            GET  /api/cases/mine                                   | org-handler department-liaison |
            GET  /api/cases/{grievanceId}                          | org-handler department-liaison supervisor callback-agent service |
            POST /api/cases/{grievanceId}/first-contact            | org-handler department-liaison |
            POST /api/cases/{grievanceId}/progress                 | org-handler department-liaison |
            POST /api/cases/{grievanceId}/material-requests        | org-handler department-liaison |
            POST /api/cases/{grievanceId}/extensions               | org-handler department-liaison |
            POST /api/cases/{grievanceId}/extensions/{extensionId}/decision | org-handler supervisor |
            POST /api/cases/{grievanceId}/resolution               | org-handler department-liaison |
            POST /api/cases/{grievanceId}/supervisions             | supervisor |
            POST /api/cases/{grievanceId}/supervisions/{supervision}/reply | org-handler department-liaison |
            GET  /api/supervision/escalations                      | supervisor |
            GET  /api/supervision/extensions                       | supervisor |
            # Callbacks: the callback centre's; a handler reaching them is refused by the use case with its reason
            GET  /api/callbacks/due                                | callback-agent |
            GET  /api/callbacks/retaliation-checks/due             | callback-agent |
            POST /api/callbacks/{grievanceId}/attempts             | callback-agent org-handler department-liaison |
            POST /api/callbacks/{grievanceId}/retaliation-check    | callback-agent org-handler department-liaison |
            POST /api/public/callbacks/rating                      | public |
            # Joint meetings' action items
            GET  /api/action-items/mine                            | org-handler department-liaison |
            GET  /api/action-items/{actionItemId}                  | org-handler department-liaison supervisor service |
            POST /api/action-items/{actionItemId}/progress         | org-handler department-liaison |
            POST /api/action-items/{actionItemId}/completion       | org-handler department-liaison |
            # Audit trail of the service's own reads
            GET  /api/audit                                        | supervisor admin |
            GET  /api/audit/export                                 | supervisor admin |
            """;
    }
}
