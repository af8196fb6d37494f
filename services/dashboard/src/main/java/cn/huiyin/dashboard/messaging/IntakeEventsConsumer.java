package cn.huiyin.dashboard.messaging;

import java.util.function.Consumer;

import cn.huiyin.dashboard.application.CountSubmissions;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The dashboard listens to intake's grievance topic (binding {@code intakeGrievances-in-0}, see dashboard.yml). */
@Configuration(proxyBeanMethods = false)
class IntakeEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> intakeGrievances(InboundEvents inbound, CountSubmissions count) {
        return inbound.consumer("dashboard", handlers -> handlers.claimEachEvent()
            .on("cn.huiyin.intake.GrievanceSubmitted.v1", GrievanceSubmitted.class, event -> count.submitted(
                event.data().submittedAt(),
                event.data().location() == null ? null : event.data().location().divisionCode(),
                event.data().category(), event.data().channel(),
                event.data().worker() == null ? null : event.data().worker().group())));
    }
}
