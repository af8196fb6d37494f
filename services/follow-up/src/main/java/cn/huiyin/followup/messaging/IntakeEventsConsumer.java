package cn.huiyin.followup.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import cn.huiyin.followup.application.FollowGrievances;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Follow-up listens to intake's grievance topic (binding {@code intakeGrievances-in-0}, see follow-up.yml). */
@Configuration(proxyBeanMethods = false)
class IntakeEventsConsumer {

    /** Follow-up's reading of intake's {@code GrievanceSubmitted}: the fields it uses. */
    record GrievanceSubmitted(String grievanceId, Instant submittedAt, Worker worker, boolean confidential,
                              String category, String description, Location location) {
        record Worker(String workerRef, String group, String platformOrEmployer) {
        }

        record Location(String divisionCode) {
        }
    }

    record GrievanceSupplemented(String grievanceId, Instant supplementedAt) {
    }

    record GrievanceWithdrawn(String grievanceId, Instant withdrawnAt) {
    }

    @Bean
    Consumer<Message<byte[]>> intakeGrievances(InboundEvents inbound, FollowGrievances follow) {
        return inbound.consumer("follow-up", handlers -> handlers
            .on("cn.huiyin.intake.GrievanceSubmitted.v1", GrievanceSubmitted.class, event -> {
                GrievanceSubmitted d = event.data();
                GrievanceSubmitted.Worker worker = Required.field(d.worker(), "worker", event);
                follow.submitted(Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.submittedAt(), "submittedAt", event), worker.workerRef(), worker.group(),
                    worker.platformOrEmployer(), d.location() == null ? null : d.location().divisionCode(),
                    d.confidential(), d.category(), d.description());
            })
            .on("cn.huiyin.intake.GrievanceSupplemented.v1", GrievanceSupplemented.class, event ->
                follow.supplemented(Required.field(event.data().grievanceId(), "grievanceId", event),
                    Required.field(event.data().supplementedAt(), "supplementedAt", event)))
            .on("cn.huiyin.intake.GrievanceWithdrawn.v1", GrievanceWithdrawn.class, event ->
                follow.withdrawn(Required.field(event.data().grievanceId(), "grievanceId", event),
                    Required.field(event.data().withdrawnAt(), "withdrawnAt", event))));
    }
}
