package cn.huiyin.jointmeeting;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.AccessTableScenario;
import cn.huiyin.platform.test.ServiceTest;

/**
 * Who may call each endpoint of joint-meeting: written down here, checked against the running service (format:
 * {@link AccessTable}). Each new endpoint gets its row, with the roles it means to allow and, for reads of records,
 * its jurisdiction column and a fixture.
 */
@ServiceTest
class AccessTest extends AccessTableScenario {

    @Override
    protected String table() {
        return """
            # Review requests: the convener's queue, which supervisors and triage officers may watch
            GET  /api/review-requests                              | meeting-convener supervisor triage-officer |
            GET  /api/review-requests/{reviewRequestId}            | meeting-convener supervisor triage-officer |
            POST /api/cases/{grievanceId}/escalations              | org-handler |
            GET  /api/cases/{grievanceId}/joint-review             | org-handler department-liaison meeting-convener supervisor triage-officer callback-agent service |
            # Meetings: the convener runs them; those at the table and supervisors read them
            POST /api/meetings                                     | meeting-convener |
            GET  /api/meetings                                     | meeting-convener department-liaison org-handler supervisor |
            GET  /api/meetings/{meetingId}                         | meeting-convener department-liaison org-handler supervisor |
            GET  /api/meetings/{meetingId}/invitation.ics          | meeting-convener department-liaison org-handler supervisor |
            GET  /api/meetings/{meetingId}/minutes.html            | meeting-convener department-liaison org-handler supervisor |
            GET  /api/meetings/{meetingId}/agenda/proposal         | meeting-convener |
            PUT  /api/meetings/{meetingId}/agenda                  | meeting-convener |
            PUT  /api/meetings/{meetingId}/attendance              | meeting-convener |
            PUT  /api/meetings/{meetingId}/agenda/{agendaItemId}/decision | meeting-convener |
            PUT  /api/meetings/{meetingId}/minutes                 | meeting-convener |
            POST /api/meetings/{meetingId}/conclude                | meeting-convener |
            GET  /api/action-items                                 | department-liaison org-handler meeting-convener supervisor |
            # Audit trail of the service's own reads
            GET  /api/audit                                        | supervisor admin |
            GET  /api/audit/export                                 | supervisor admin |
            """;
    }
}
