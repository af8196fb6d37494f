package cn.huiyin.dashboard.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.huiyin.dashboard.application.rebuild.History;
import cn.huiyin.platform.messaging.EventJson;

/**
 * The full history of the topics the dashboard reads, from Kafka (topics keep everything: retention -1, see
 * docs/dashboard.md). Records are read into events through the same translations as the live consumers use.
 */
class KafkaHistory implements History {

    static final List<String> TOPICS = List.of(Slots.INTAKE, Slots.TRIAGE, Slots.FOLLOW_UP, Slots.JOINT_MEETING,
        Slots.ORGANISATIONS);

    private final String bootstrapServers;
    private final EventJson json;
    private final int batchSize;
    private final Map<String, Translation<?>> byType = new HashMap<>();

    KafkaHistory(String bootstrapServers, EventJson json, int batchSize) {
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
        this.json = json;
        Stream.of(IntakeEvents.translations(), TriageEvents.translations(), FollowUpEvents.translations(),
            JointMeetingEvents.translations()).flatMap(List::stream).forEach(t -> byType.put(t.type(), t));
    }

    @Override
    public Reader open() {
        return new KafkaHistoryReader(bootstrapServers, TOPICS, new HistoricEvents(json, byType), batchSize);
    }
}
