package cn.huiyin.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import cn.huiyin.platform.test.AccessMatrix;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;

/** Who may call each endpoint of follow-up: 401 without a token, 403 for a role the endpoint does not allow. */
class AccessTest extends FollowUpScenario {

    @Test
    void everyEndpointAnswersEveryRoleAsItDeclares() {
        // The first token a fresh context sees makes it fetch the issuer's configuration; on a loaded machine that
        // fetch has timed out after 10 s (answering 500 once). Wait until the service reads tokens at all.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
            .until(() -> kit.as(TestUser.of("admin")).get("/actuator/access").status() == 200);

        AccessMatrix.Result result = AccessMatrix.probe(port);

        assertThat(result.endpoints()).isGreaterThanOrEqualTo(18);
        assertThat(result.violations()).isEmpty();
    }
}
