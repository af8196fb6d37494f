package cn.huiyin.dashboard;

import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where every dashboard scenario starts: the service on its test port, its clock at {@link TestInstants#DEFAULT} (set
 * again afterwards, as contexts are shared), and a kit that publishes the producers' events and reads the figures.
 */
abstract class DashboardScenario {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    DashboardKit kit;

    @BeforeEach
    void openKit() {
        clock.set(TestInstants.DEFAULT);
        kit = new DashboardKit(port);
    }

    @AfterEach
    void closeKit() {
        clock.set(TestInstants.DEFAULT);
        kit.close();
    }
}
