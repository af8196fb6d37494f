package cn.huiyin.intake.messaging;

import java.util.function.Consumer;

import cn.huiyin.intake.application.FollowFollowUp;
import cn.huiyin.intake.domain.FollowUpStage;
import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Intake listens to follow-up's case topic (binding {@code followUpCases-in-0}, see intake.yml). */
@Configuration(proxyBeanMethods = false)
class FollowUpEventsConsumer {

    private static final String PREFIX = "cn.huiyin.followup.";

    @Bean
    Consumer<Message<byte[]>> followUpCases(InboundEvents inbound, FollowFollowUp follow) {
        return inbound.consumer("intake", handlers -> handlers
            .on(PREFIX + "FirstResponseRecorded.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.CONTACTED))
            .on(PREFIX + "ProgressRecorded.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.IN_PROGRESS))
            .on(PREFIX + "MaterialRequested.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.WAITING_FOR_MATERIAL))
            .on(PREFIX + "GrievanceResolved.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.RESOLVED))
            .on(PREFIX + "CallbackRecorded.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.CALLED_BACK))
            .on(PREFIX + "GrievanceReopened.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.REOPENED))
            .on(PREFIX + "GrievanceClosed.v1", FollowUpEvents.StageReached.class,
                e -> stage(follow, e, FollowUpStage.CLOSED))
            .on(PREFIX + "ExtensionDecided.v1", FollowUpEvents.StageReached.class, e -> {
                // The worker is told of a new deadline, not of a refused request.
                if (Boolean.TRUE.equals(e.data().approved())) {
                    stage(follow, e, FollowUpStage.EXTENDED);
                }
            })
            .on(PREFIX + "RetaliationChecked.v1", FollowUpEvents.RetaliationChecked.class, e -> {
                FollowUpEvents.RetaliationChecked data = e.data();
                if (data.reported()) {
                    follow.retaliationReported(new FollowFollowUp.RetaliationReport(e.id(), data.grievanceId(),
                        data.checkedAt(), data.account() == null || data.account().isBlank()
                            ? "职工在回访中反映遭受打击报复（" + String.join("、", data.kinds()) + "）" : data.account(),
                        "PLATFORM_RULES", data.confidential()));
                }
            }));
    }

    private static void stage(FollowFollowUp follow, InboundEvent<FollowUpEvents.StageReached> event, FollowUpStage stage) {
        FollowUpEvents.StageReached data = event.data();
        if (data.grievanceId() == null || data.at() == null) {
            throw new MalformedEventException(event.type() + " " + event.id() + " names no grievance or instant", null);
        }
        follow.stageReached(data.grievanceId(), stage, data.at(), data.told());
    }
}
