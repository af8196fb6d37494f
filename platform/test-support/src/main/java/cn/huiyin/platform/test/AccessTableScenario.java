package cn.huiyin.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service's access table as a test (see {@link AccessTable} for the format): the table lists exactly the service's
 * endpoints, every endpoint answers every role as the table says, and — where the test gives a {@link #fixture()} —
 * records answer only within the caller's jurisdiction or organisation. A service's test class extends it, carries
 * {@link ServiceTest} and writes the table down.
 */
public abstract class AccessTableScenario {

    @LocalServerPort
    protected int port;

    /** The table, written down by hand. */
    protected abstract String table();

    /** A record to probe the jurisdiction column with; none: the column is not probed. */
    protected Optional<AccessTable.Fixture> fixture() {
        return Optional.empty();
    }

    /**
     * The first token a fresh context sees makes it fetch the issuer's configuration; on a loaded machine that fetch
     * has timed out (answering 500 once). Probe only once the service reads tokens at all.
     */
    @BeforeEach
    void waitUntilTheServiceReadsTokens() {
        HttpJson admin = HttpJson.at(port).as(TestUser.of("admin"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
            .until(() -> admin.get("/actuator/access").status() == 200);
    }

    @Test
    void theTableListsEveryEndpointOfTheServiceAndNothingElse() {
        assertThat(AccessTable.parse(table()).mismatchedEndpoints(port)).isEmpty();
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheTableSays() {
        AccessTable table = AccessTable.parse(table());

        assertThat(table.rows()).isNotEmpty();
        assertThat(table.probeRoles(port)).isEmpty();
    }

    @Test
    void recordsAnswerOnlyWithinTheCallersJurisdictionAsTheTableSays() {
        Optional<AccessTable.Fixture> fixture = fixture();
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture.isPresent(), "no fixture: the jurisdiction column is not probed");

        assertThat(AccessTable.parse(table()).probeJurisdiction(port, fixture.get())).isEmpty();
    }
}
