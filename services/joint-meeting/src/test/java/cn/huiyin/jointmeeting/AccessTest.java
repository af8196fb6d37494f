package cn.huiyin.jointmeeting;

import cn.huiyin.platform.test.DeclaredAccessScenario;
import cn.huiyin.platform.test.ServiceTest;

/** Who may call each endpoint of joint meetings (the platform's audit endpoints until its own are built): 401 without a token, 403 for a role the endpoint does not allow. */
@ServiceTest
class AccessTest extends DeclaredAccessScenario {
}
