package cn.huiyin.jointmeeting.messaging;

import cn.huiyin.jointmeeting.domain.events.ActionItemAssigned;
import cn.huiyin.jointmeeting.domain.events.AgendaSet;
import cn.huiyin.jointmeeting.domain.events.MeetingConcluded;
import cn.huiyin.jointmeeting.domain.events.MeetingScheduled;
import cn.huiyin.jointmeeting.domain.events.ReviewRequestQueued;
import cn.huiyin.platform.messaging.EventCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What joint-meeting publishes (contracts/asyncapi/joint-meeting.asyncapi.yaml), all on one topic: keyed by the
 * meeting id, except review requests (their own id) and action items (their own id, so follow-up reads each item's
 * events in order).
 */
@Configuration(proxyBeanMethods = false)
class JointMeetingEvents {

    static final String TOPIC = "huiyin.jointmeeting.meeting.v1";
    private static final String TYPE = "cn.huiyin.jointmeeting.%s.v1";

    @Bean
    EventCatalog jointMeetingEventCatalog() {
        return EventCatalog.builder()
            .event(ReviewRequestQueued.class, TYPE.formatted("ReviewRequestQueued"), TOPIC)
            .event(MeetingScheduled.class, TYPE.formatted("MeetingScheduled"), TOPIC)
            .event(AgendaSet.class, TYPE.formatted("AgendaSet"), TOPIC)
            .event(MeetingConcluded.class, TYPE.formatted("MeetingConcluded"), TOPIC)
            .event(ActionItemAssigned.class, TYPE.formatted("ActionItemAssigned"), TOPIC, ActionItemAssigned::actionItemId)
            .build();
    }
}
