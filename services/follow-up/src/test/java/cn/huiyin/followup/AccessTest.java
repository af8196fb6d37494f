package cn.huiyin.followup;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.AccessMatrix;
import org.junit.jupiter.api.Test;

/** Who may call each endpoint of follow-up: 401 without a token, 403 for a role the endpoint does not allow. */
class AccessTest extends FollowUpScenario {

    @Test
    void everyEndpointAnswersEveryRoleAsItDeclares() {
        AccessMatrix.Result result = AccessMatrix.probe(port);

        assertThat(result.endpoints()).isGreaterThanOrEqualTo(18);
        assertThat(result.violations()).isEmpty();
    }
}
