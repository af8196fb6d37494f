package cn.huiyin.dashboard;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.AccessTableScenario;
import cn.huiyin.platform.test.ServiceTest;

/**
 * Who may call each endpoint of the dashboard: written down here, checked against the running service (format:
 * {@link AccessTable}). The dashboard answers counts, not records: that each viewer counts their own jurisdiction
 * only is {@link CountingGrievancesTest}'s.
 */
@ServiceTest
class AccessTest extends AccessTableScenario {

    @Override
    protected String table() {
        return """
            GET /api/dashboard/intake                 | dashboard-viewer supervisor |
            GET /api/audit                            | supervisor admin |
            GET /api/audit/export                     | supervisor admin |
            """;
    }
}
