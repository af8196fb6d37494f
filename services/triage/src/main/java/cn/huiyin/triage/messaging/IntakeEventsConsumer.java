package cn.huiyin.triage.messaging;

import java.util.function.Consumer;

import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.triage.application.ReceiveSubmittedGrievance;
import cn.huiyin.triage.domain.ReceivedGrievance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Triage listens to intake's grievance topic (binding {@code intakeGrievances-in-0}, see triage.yml). */
@Configuration(proxyBeanMethods = false)
class IntakeEventsConsumer {

    static final String SUBMITTED = "cn.huiyin.intake.GrievanceSubmitted.v1";

    @Bean
    Consumer<Message<byte[]>> intakeGrievances(InboundEvents inbound, ReceiveSubmittedGrievance receive) {
        return inbound.consumer("triage", handlers -> handlers
            .on(SUBMITTED, GrievanceSubmitted.class, event -> receive.receive(toDomain(event))));
    }

    private static ReceivedGrievance toDomain(InboundEvent<GrievanceSubmitted> event) {
        GrievanceSubmitted data = event.data();
        return new ReceivedGrievance(data.grievanceId(), data.submittedAt(), data.channel(),
            data.worker() == null ? null : data.worker().workerRef(),
            data.worker() == null ? null : data.worker().group(),
            data.worker() == null ? null : data.worker().platformOrEmployer(),
            data.confidential(), data.category(), data.description(),
            data.location() == null ? null : data.location().divisionCode());
    }
}
