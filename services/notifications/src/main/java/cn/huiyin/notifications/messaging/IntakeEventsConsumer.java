package cn.huiyin.notifications.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import cn.huiyin.notifications.application.WorkerUpdates;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Intake's grievance topic (binding {@code intakeGrievances-in-0}): a new grievance means the acceptance message. */
@Configuration(proxyBeanMethods = false)
class IntakeEventsConsumer {

    /** Notifications' reading of intake's {@code GrievanceSubmitted}: the fields it uses. */
    record GrievanceSubmitted(String grievanceId, Instant submittedAt, Worker worker, boolean confidential,
                              Location location) {
        record Worker(String workerRef) {
        }

        record Location(String divisionCode) {
        }
    }

    @Bean
    Consumer<Message<byte[]>> intakeGrievances(InboundEvents inbound, WorkerUpdates workers) {
        return inbound.consumer("notifications", handlers -> handlers
            .on("cn.huiyin.intake.GrievanceSubmitted.v1", GrievanceSubmitted.class, event -> {
                GrievanceSubmitted d = event.data();
                workers.accepted(event.id(), Required.field(d.grievanceId(), "grievanceId", event),
                    d.worker() == null ? null : d.worker().workerRef(),
                    d.location() == null ? null : d.location().divisionCode(), d.confidential(),
                    Required.field(d.submittedAt(), "submittedAt", event));
            }));
    }
}
