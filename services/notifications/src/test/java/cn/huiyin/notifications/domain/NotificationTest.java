package cn.huiyin.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.huiyin.notifications.domain.events.NotificationFailed;
import cn.huiyin.notifications.domain.events.NotificationSent;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import org.junit.jupiter.api.Test;

class NotificationTest {

    private static final Instant WEDNESDAY_10 = Instant.parse("2026-12-02T02:00:00Z");
    private final QuietHours quietHours = new QuietHours(ChinaCalendar.builtIn(), BusinessHours.STANDARD);
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(3));

    private Notification queued() {
        return Notification.queue("event-1", "HY-20261202-000001", "HY-20261202-000001", "WORKER_ACCEPTED",
            Recipient.worker(), "worker:wk-1", Map.of("trackingNumber", "HY-20261202-000001"), false, WEDNESDAY_10,
            WEDNESDAY_10, WEDNESDAY_10, quietHours);
    }

    @Test
    void itsIdIsTheIdempotencyKeyOfEventRecipientAndTemplate() {
        assertThat(queued().id()).isEqualTo("event-1/worker/WORKER_ACCEPTED");
        assertThat(Notification.key("event-1", Recipient.staff("org-a", "duty-1", Channel.EMAIL), "STAFF_REMINDER"))
            .isEqualTo("event-1/org-a:duty-1:EMAIL/STAFF_REMINDER");
    }

    @Test
    void failedAttemptsBackOffAndTheLastGivesUpWithAnEvent() {
        Notification n = queued();
        n.attemptFailed(WEDNESDAY_10, "PROVIDER_UNAVAILABLE", policy);
        assertThat(n.nextAttemptAt()).isEqualTo(WEDNESDAY_10.plus(Duration.ofMinutes(1)));
        n.attemptFailed(WEDNESDAY_10.plusSeconds(60), "PROVIDER_UNAVAILABLE", policy);
        assertThat(n.nextAttemptAt()).isEqualTo(WEDNESDAY_10.plusSeconds(60).plus(Duration.ofMinutes(2)));
        assertThat(n.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(n.pendingEvents()).isEmpty();
        n.attemptFailed(WEDNESDAY_10.plusSeconds(180), "PROVIDER_UNAVAILABLE", policy);
        assertThat(n.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(n.pendingEvents()).singleElement().isInstanceOfSatisfying(NotificationFailed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.reason()).isEqualTo("PROVIDER_UNAVAILABLE");
        });
    }

    @Test
    void sendingTwiceRecordsOneSending() {
        Notification n = queued();
        n.sent(WEDNESDAY_10, DeliveryStatus.DELIVERED, 1);
        n.sent(WEDNESDAY_10.plusSeconds(5), DeliveryStatus.DELIVERED, 1);
        assertThat(n.pendingEvents()).singleElement().isInstanceOf(NotificationSent.class);
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.isDue(WEDNESDAY_10.plusSeconds(10))).isFalse();
    }

    @Test
    void aWorkerMessageQueuedAtNightIsDueAtEight() {
        Instant night = Instant.parse("2026-12-02T15:00:00Z"); // 23:00 Beijing
        Notification n = Notification.queue("e", "G", "G", "WORKER_CLOSED", Recipient.worker(), null,
            Map.of(), false, night, night, night, quietHours);
        assertThat(n.isDue(night)).isFalse();
        assertThat(n.nextAttemptAt()).isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
    }

    @Test
    void retryDelaysDoubleUpToTheLimit() {
        RetryPolicy standard = RetryPolicy.STANDARD;
        assertThat(standard.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(standard.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(standard.delayAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(standard.delayAfter(9)).isEqualTo(Duration.ofHours(1));
    }
}
