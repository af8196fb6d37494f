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
            GET /api/audit                            | supervisor admin |
            GET /api/audit/export                     | supervisor admin |
            """;
    }
}
