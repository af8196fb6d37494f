package cn.huiyin.followup.messaging;

import cn.huiyin.followup.domain.events.ActionItemCompleted;
import cn.huiyin.followup.domain.events.ActionItemProgressRecorded;
import cn.huiyin.followup.domain.events.CallbackRecorded;
import cn.huiyin.followup.domain.events.DeadlineBreached;
import cn.huiyin.followup.domain.events.ExtensionDecided;
import cn.huiyin.followup.domain.events.ExtensionRequested;
import cn.huiyin.followup.domain.events.FirstResponseRecorded;
import cn.huiyin.followup.domain.events.GrievanceClosed;
import cn.huiyin.followup.domain.events.GrievanceReopened;
import cn.huiyin.followup.domain.events.GrievanceResolved;
import cn.huiyin.followup.domain.events.MaterialRequested;
import cn.huiyin.followup.domain.events.ProgressRecorded;
import cn.huiyin.followup.domain.events.ReminderIssued;
import cn.huiyin.followup.domain.events.RetaliationChecked;
import cn.huiyin.followup.domain.events.SupervisionEscalated;
import cn.huiyin.platform.messaging.EventCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What follow-up publishes, and where (contracts/asyncapi/follow-up.asyncapi.yaml): one topic, keyed by the grievance
 * id for a case's events and by the action item id for an action item's, so each one's events stay in order.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpEvents {

    static final String CASE_TOPIC = "huiyin.followup.case.v1";

    @Bean
    EventCatalog followUpEventCatalog() {
        EventCatalog.Builder catalog = EventCatalog.builder();
        for (Class<?> type : new Class<?>[] {FirstResponseRecorded.class, ProgressRecorded.class,
            MaterialRequested.class, ExtensionRequested.class, ExtensionDecided.class, ReminderIssued.class,
            SupervisionEscalated.class, DeadlineBreached.class, ActionItemProgressRecorded.class,
            ActionItemCompleted.class, GrievanceResolved.class, CallbackRecorded.class, GrievanceReopened.class,
            GrievanceClosed.class, RetaliationChecked.class}) {
            catalog.event(type, "cn.huiyin.followup." + type.getSimpleName() + ".v1", CASE_TOPIC);
        }
        return catalog.build();
    }
}
