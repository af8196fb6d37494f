package cn.huiyin.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PublishingWavesTest {

    private static OutboxEvent event(String id, String topic, String subject, int chars) {
        return new OutboxEvent(id, "/huiyin/test", "cn.huiyin.test.Happened.v1", topic, subject,
            Instant.parse("2026-12-02T08:00:00Z"), "x".repeat(chars), "system", subject, null);
    }

    private static List<String> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::eventId).toList();
    }

    @Test
    void aRunHoldsTheFollowingEventsForTheSameTopicAndSubject() {
        List<OutboxEvent> events = List.of(event("e1", "cases", "HY-1", 900), event("e2", "cases", "HY-1", 1600),
            event("e3", "grievances", "HY-1", 800), event("e4", "cases", "HY-1", 700));

        assertThat(ids(PublishingWaves.run(events, 0))).containsExactly("e1", "e2");
        assertThat(ids(PublishingWaves.run(events, 2))).containsExactly("e3");
        assertThat(ids(PublishingWaves.run(events, 3))).containsExactly("e4");
    }

    @Test
    void anotherSubjectGoesToItsOwnPartitionSoStartsAnotherRun() {
        List<OutboxEvent> events = List.of(event("e1", "meetings", "HY-1", 100), event("e2", "meetings", "HY-2", 100),
            event("e3", "meetings", null, 100));

        assertThat(ids(PublishingWaves.run(events, 0))).containsExactly("e1");
        assertThat(ids(PublishingWaves.run(events, 1))).containsExactly("e2");
    }

    @Test
    void anEventWithoutASubjectHasNoKeySoGoesAlone() {
        List<OutboxEvent> events = List.of(event("e1", "registry", null, 100), event("e2", "registry", null, 100));

        assertThat(ids(PublishingWaves.run(events, 0))).containsExactly("e1");
    }

    @Test
    void aRunStaysWithinOneProducerBatch() {
        int third = PublishingWaves.MAX_RUN_CHARS / 3;
        List<OutboxEvent> events = List.of(event("e1", "cases", "HY-1", third), event("e2", "cases", "HY-1", third),
            event("e3", "cases", "HY-1", third), event("e4", "cases", "HY-1", third));

        assertThat(ids(PublishingWaves.run(events, 0))).containsExactly("e1", "e2", "e3");
        assertThat(ids(PublishingWaves.run(events, 3))).containsExactly("e4");
    }

    @Test
    void anEventLargerThanARunStillGoesAlone() {
        List<OutboxEvent> events = List.of(event("e1", "cases", "HY-1", PublishingWaves.MAX_RUN_CHARS * 2),
            event("e2", "cases", "HY-1", 10));

        assertThat(ids(PublishingWaves.run(events, 0))).containsExactly("e1");
    }
}
