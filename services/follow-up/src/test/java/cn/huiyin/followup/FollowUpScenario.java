package cn.huiyin.followup;

import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Where every follow-up scenario starts: the service on its test port with a supervision scan every second, its clock
 * at {@link TestInstants#DEFAULT} (a scenario moves it where its verdict depends on the time), triage's organisation
 * registry published as follow-up expects it, and a kit that publishes the other services' events and calls the API.
 */
@ServiceTest
@TestPropertySource(properties = "huiyin.follow-up.supervision.scan-interval=1s")
abstract class FollowUpScenario {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    FollowUpKit kit;
    final FollowUpTopic topic = FollowUpTopic.get();

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry registry) {
        registry.add("huiyin.follow-up.intake-url", () -> StubIntake.get().url());
    }

    @BeforeEach
    void openKit() {
        clock.set(TestInstants.DEFAULT);
        kit = new FollowUpKit(port, clock);
        kit.publishRegistry();
    }

    @AfterEach
    void closeKit() {
        kit.close();
        topic.assertAllMetTheirContracts();
    }
}
