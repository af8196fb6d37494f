package cn.huiyin.jointmeeting;

import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where every joint-meeting scenario starts: the service on its test port, its clock at {@link TestInstants#DEFAULT}
 * (a scenario moves it where its verdict depends on time), the organisation registry known, and a kit to act with.
 */
abstract class JointMeetingScenario {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    JointMeetingTestKit kit;

    @BeforeEach
    void openKit() {
        clock.set(TestInstants.DEFAULT);
        kit = new JointMeetingTestKit(port, clock);
        kit.registry();
    }

    @AfterEach
    void closeKit() {
        kit.close();
    }
}
