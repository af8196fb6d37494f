package cn.huiyin.triage;

import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where every triage scenario starts: the service on its test port, its clock at {@link TestInstants#DEFAULT} (a test
 * moves it where its verdict depends on the time), and a kit that files, reads and acts on cases.
 */
abstract class TriageScenario {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    TriageTestKit kit;

    @BeforeEach
    void openKit() {
        clock.set(TestInstants.DEFAULT);
        kit = new TriageTestKit(port, clock);
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }
}
