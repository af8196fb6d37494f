package cn.huiyin.followup;

import cn.huiyin.platform.test.DeclaredAccessScenario;
import cn.huiyin.platform.test.ServiceTest;

/** Who may call each endpoint of follow-up (the platform's audit endpoints until its own are built): 401 without a token, 403 for a role the endpoint does not allow. */
@ServiceTest
class AccessTest extends DeclaredAccessScenario {
}
