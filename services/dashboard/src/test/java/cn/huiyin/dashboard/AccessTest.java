package cn.huiyin.dashboard;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.AccessTableScenario;
import cn.huiyin.platform.test.ServiceTest;

/**
 * Who may call each endpoint of the dashboard: written down here, checked against the running service (format:
 * {@link AccessTable}). The dashboard answers counts and case numbers, never personal data: that each viewer sees their
 * own jurisdiction only is {@link CountingGrievancesTest}'s and {@code JinchangFreightCohortTest}'s.
 */
@ServiceTest
class AccessTest extends AccessTableScenario {

    @Override
    protected String table() {
        return """
            GET /api/dashboard/intake                 | dashboard-viewer supervisor |
            GET /api/dashboard/figures                | dashboard-viewer supervisor |
            GET /api/dashboard/cases                  | dashboard-viewer supervisor |
            GET /api/dashboard/hotspots               | dashboard-viewer supervisor |
            GET /api/dashboard/metrics                | dashboard-viewer supervisor admin |
            GET /api/dashboard/ledger/cases.csv       | dashboard-viewer supervisor |
            GET /api/dashboard/ledger/cases.xlsx      | dashboard-viewer supervisor |
            POST /api/dashboard/ledger/exports        | dashboard-viewer supervisor |
            GET /api/dashboard/ledger/exports/{id}    | dashboard-viewer supervisor |
            GET /api/dashboard/ledger/exports/{id}/file | dashboard-viewer supervisor |
            GET /api/dashboard/figures.xlsx           | dashboard-viewer supervisor |
            GET /api/dashboard/rankings/{month}       | dashboard-viewer supervisor |
            POST /api/dashboard/rankings/{month}/corrections | supervisor admin |
            POST /api/dashboard/projection/rebuilds   | admin |
            GET /api/dashboard/projection/rebuilds/latest | admin |
            GET /api/audit                            | supervisor admin |
            GET /api/audit/export                     | supervisor admin |
            """;
    }
}
