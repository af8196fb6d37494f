package cn.huiyin.intake.messaging;

import cn.huiyin.intake.domain.GrievanceSubmitted;
import cn.huiyin.intake.domain.GrievanceSupplemented;
import cn.huiyin.intake.domain.GrievanceWithdrawn;
import cn.huiyin.platform.messaging.EventCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What intake publishes, and where (see contracts/asyncapi/intake.asyncapi.yaml). */
@Configuration(proxyBeanMethods = false)
class IntakeEvents {

    static final String GRIEVANCE_TOPIC = "huiyin.intake.grievance.v1";

    @Bean
    EventCatalog intakeEventCatalog() {
        return EventCatalog.builder()
            .event(GrievanceSubmitted.class, "cn.huiyin.intake.GrievanceSubmitted.v1", GRIEVANCE_TOPIC)
            .event(GrievanceSupplemented.class, "cn.huiyin.intake.GrievanceSupplemented.v1", GRIEVANCE_TOPIC)
            .event(GrievanceWithdrawn.class, "cn.huiyin.intake.GrievanceWithdrawn.v1", GRIEVANCE_TOPIC)
            .build();
    }
}
