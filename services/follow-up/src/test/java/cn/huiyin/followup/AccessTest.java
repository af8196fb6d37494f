package cn.huiyin.followup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.AccessMatrix;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may call each endpoint of follow-up (the platform's audit endpoints, until its own are built): 401 without a token, 403 for a role the endpoint does not allow. */
@ServiceTest
class AccessTest {

    @LocalServerPort
    int port;

    @Test
    void everyEndpointAnswersEveryRoleAsItDeclares() {
        AccessMatrix.Result result = AccessMatrix.probe(port);

        assertThat(result.endpoints()).isPositive();
        assertThat(result.violations()).isEmpty();
    }
}
