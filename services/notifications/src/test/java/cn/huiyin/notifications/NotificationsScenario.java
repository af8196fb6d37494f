package cn.huiyin.notifications;

import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Where every notifications scenario starts: the service on its test port delivering every 200 ms, its clock at
 * {@link TestInstants#DEFAULT}, intake's contact endpoint and the token endpoint stubbed over a socket, the channels
 * writing SMS to {@link NotificationsKit#SINKS} and
 * e-mail over SMTP to {@link NotificationsKit#SMTP}.
 */
@ServiceTest
abstract class NotificationsScenario {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    NotificationsKit kit;
    final NotificationsTopic topic = NotificationsTopic.get();
    final StubIntake intake = StubIntake.get();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("huiyin.notifications.intake-url", () -> StubIntake.get().url());
        registry.add("huiyin.notifications.token-url", () -> StubIntake.get().url() + "/oauth2/token");
        registry.add("huiyin.notifications.client-secret", () -> StubIntake.CLIENT_SECRET);
        registry.add("huiyin.notifications.sink-directory", () -> NotificationsKit.SINKS.toString());
        registry.add("spring.mail.port", () -> NotificationsKit.SMTP.port());
        // An organisation of the digest scenario alone, so no other scenario's reminders join its digests.
        registry.add("huiyin.notifications.duty-contacts.org-digest-test[0].id", () -> "duty-digest-1");
        registry.add("huiyin.notifications.duty-contacts.org-digest-test[0].email", () -> DigestsTest.DUTY_MAIL);
        registry.add("huiyin.notifications.duty-contacts.org-digest-test[0].mobile", () -> DigestsTest.DUTY_MOBILE);
        // A duty contact whose address no mail server can take (ProviderRejectionTest).
        registry.add("huiyin.notifications.duty-contacts.org-bad-mailbox[0].id", () -> "duty-bad-1");
        registry.add("huiyin.notifications.duty-contacts.org-bad-mailbox[0].email", () -> "not an address@@");
        registry.add("huiyin.notifications.delivery.interval", () -> "200ms");
        registry.add("huiyin.notifications.delivery.first-retry", () -> "2s");
        registry.add("huiyin.notifications.delivery.max-retry", () -> "4s");
        registry.add("huiyin.notifications.delivery.max-attempts", () -> "3");
    }

    @BeforeEach
    void openKit() {
        clock.set(TestInstants.DEFAULT);
        intake.down(false);
        kit = new NotificationsKit(port);
    }

    @AfterEach
    void closeKit() {
        kit.close();
        topic.assertAllMetTheirContracts();
    }
}
