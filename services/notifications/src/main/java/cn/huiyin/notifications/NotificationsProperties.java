package cn.huiyin.notifications;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code huiyin.notifications.*}: see notifications.yml. */
@ConfigurationProperties("huiyin.notifications")
record NotificationsProperties(Delivery delivery, RateLimit rateLimit, Digest digest, String callbackCentre,
                               Path sinkDirectory, String intakeUrl, String tokenUrl, String clientId,
                               String clientSecret, Map<String, List<Contact>> dutyContacts) {

    record Digest(int threshold) {
    }

    record Delivery(Duration interval, int batch, int maxAttempts, Duration firstRetry, Duration maxRetry) {
    }

    record RateLimit(int worker, int staff, Duration window) {
    }

    record Contact(String id, String mobile, String email) {
    }
}
