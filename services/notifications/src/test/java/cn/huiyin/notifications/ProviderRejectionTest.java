package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A message the channel refuses for good (here an e-mail address no SMTP server can take) fails at once, without the
 * six retries, with NotificationFailed reason PROVIDER_REJECTED (checked against its schema after each scenario).
 */
class ProviderRejectionTest extends NotificationsScenario {

    @Test
    void anAddressNoServerCanTakeFailsAtOnceWithoutRetries() {
        String id = NotificationsKit.newGrievanceId();
        kit.submitted(id, clock.instant(), false);
        DigestsTest.reminderTo(kit, "org-bad-mailbox", "测试单位", id, clock.instant());

        JsonNode mail = await().atMost(Duration.ofSeconds(30)).until(() -> messages(id).stream()
            .filter(m -> m.path("channel").asString().equals("EMAIL")).findFirst().orElse(null),
            m -> m != null && m.path("status").asString().equals("FAILED"));
        assertThat(mail.path("attempts").asInt()).isEqualTo(1);
        assertThat(mail.path("history").toString()).contains("PROVIDER_REJECTED INVALID_MESSAGE");
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(id).stream()
            .anyMatch(e -> e.type().equals("NotificationFailed")));
        assertThat(topic.of(id)).filteredOn(e -> e.type().equals("NotificationFailed")).singleElement()
            .satisfies(e -> assertThat(e.data().path("reason").asString()).isEqualTo("PROVIDER_REJECTED"));
    }

    private List<JsonNode> messages(String id) {
        JsonNode found = kit.as(StaffMessagesTest.SUPERVISOR).get("/api/notifications/cases/" + id).json();
        return found.isArray() ? found.valueStream().toList() : List.of();
    }
}
