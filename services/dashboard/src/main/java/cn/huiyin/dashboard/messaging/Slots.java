package cn.huiyin.dashboard.messaging;

import java.util.Map;

import cn.huiyin.dashboard.application.projection.Position;
import cn.huiyin.platform.messaging.inbound.InboundEvent;

/** Short names of the topic-partitions the dashboard reads ({@code fu-3}: follow-up's partition 3), for the cells. */
final class Slots {

    static final String INTAKE = "huiyin.intake.grievance.v1";
    static final String TRIAGE = "huiyin.triage.case.v1";
    static final String FOLLOW_UP = "huiyin.followup.case.v1";
    static final String JOINT_MEETING = "huiyin.jointmeeting.meeting.v1";
    static final String ORGANISATIONS = "huiyin.triage.organisation.v1";

    private static final Map<String, String> SHORT = Map.of(INTAKE, "in", TRIAGE, "tr", FOLLOW_UP, "fu",
        JOINT_MEETING, "jm", ORGANISATIONS, "org");

    private Slots() {
    }

    static String slot(String topic, int partition) {
        return SHORT.getOrDefault(topic, topic.replace('.', '_')) + "-" + partition;
    }

    /** Where a record was read from, or null outside Kafka. */
    static Position of(InboundEvent.Position position) {
        return position == null ? null : new Position(slot(position.topic(), position.partition()), position.offset());
    }
}
