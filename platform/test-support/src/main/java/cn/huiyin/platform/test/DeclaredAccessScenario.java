package cn.huiyin.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access matrix of a service as a test: every endpoint answers 401 without a token and 403 to a role it does not
 * allow. A service's test class extends it and carries {@link ServiceTest}.
 *
 * @deprecated It reads who may call an endpoint from the endpoint's own annotations, so a wrong annotation cannot
 *             fail it. Write the table down instead and extend {@link AccessTableScenario}.
 */
@Deprecated
public abstract class DeclaredAccessScenario {

    @LocalServerPort
    protected int port;

    @Test
    void everyEndpointAnswersEveryRoleAsItDeclares() {
        AccessMatrix.Result result = AccessMatrix.probe(port);

        assertThat(result.endpoints()).isPositive();
        assertThat(result.violations()).isEmpty();
    }
}
