package cn.huiyin.triage.messaging;

import java.util.function.Consumer;

import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;
import cn.huiyin.triage.application.IntakeUpdates;
import cn.huiyin.triage.application.TriageSubmittedGrievance;
import cn.huiyin.triage.domain.ReceivedGrievance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Triage listens to intake's grievance topic (binding {@code intakeGrievances-in-0}, see triage.yml). */
@Configuration(proxyBeanMethods = false)
class IntakeEventsConsumer {

    static final String SUBMITTED = "cn.huiyin.intake.GrievanceSubmitted.v1";
    static final String WITHDRAWN = "cn.huiyin.intake.GrievanceWithdrawn.v1";
    static final String SUPPLEMENTED = "cn.huiyin.intake.GrievanceSupplemented.v1";

    @Bean
    Consumer<Message<byte[]>> intakeGrievances(InboundEvents inbound, TriageSubmittedGrievance triage,
                                               IntakeUpdates updates) {
        return inbound.consumer("triage", handlers -> handlers
            .on(SUBMITTED, GrievanceSubmitted.class, event -> triage.receive(toDomain(event)))
            .on(WITHDRAWN, GrievanceWithdrawn.class, event -> updates.withdrawn(required(event.data().grievanceId(), event),
                required(event.data().withdrawnAt(), event), "intake:" + event.data().by(), event.data().reason()))
            .on(SUPPLEMENTED, GrievanceSupplemented.class, event -> updates.supplemented(
                required(event.data().grievanceId(), event), required(event.data().supplementedAt(), event),
                "intake:" + event.data().by(), event.data().text(), event.data().evidenceCount())));
    }

    private static ReceivedGrievance toDomain(InboundEvent<GrievanceSubmitted> event) {
        GrievanceSubmitted data = event.data();
        required(data.grievanceId(), event);
        required(data.submittedAt(), event);
        return new ReceivedGrievance(data.grievanceId(), data.submittedAt(), data.channel(),
            data.worker() == null ? null : data.worker().workerRef(),
            data.worker() == null ? null : data.worker().group(),
            data.worker() == null ? null : data.worker().platformOrEmployer(),
            data.confidential(), data.category(), data.description(),
            data.location() == null ? null : data.location().divisionCode(),
            data.location() == null ? null : data.location().address(), data.closedInLedgerAt());
    }

    /** A required field missing is a record that can never be processed: straight to the dead-letter topic. */
    private static <T> T required(T value, InboundEvent<?> event) {
        if (value == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                + " lacks a required field", null);
        }
        return value;
    }
}
