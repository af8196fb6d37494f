package cn.huiyin.jointmeeting.messaging;

import static cn.huiyin.jointmeeting.messaging.TriageEventsConsumer.required;

import java.util.function.Consumer;

import cn.huiyin.jointmeeting.application.meeting.FollowThrough;
import cn.huiyin.jointmeeting.domain.meeting.Completion;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Joint-meeting hears from follow-up when an action item it assigned is done or explained (binding
 * {@code followUpCases-in-0}); everything else on that topic is follow-up's own business and skipped.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> followUpCases(InboundEvents inbound, FollowThrough followThrough) {
        return inbound.consumer("joint-meeting", handlers -> handlers
            .on("cn.huiyin.followup.ActionItemCompleted.v1", InboundRecords.ActionItemCompleted.class, event -> {
                var data = event.data();
                Completion completion = new Completion(required(data.outcome(), event), data.result(),
                    data.evidenceCount() == null ? 0 : data.evidenceCount(), data.organisation(),
                    required(data.completedAt(), event));
                ConcurrentChanges.retry(() -> followThrough.completed(required(data.meetingId(), event),
                    required(data.actionItemId(), event), completion));
            }));
    }
}
