package cn.huiyin.dashboard.messaging;

import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.dashboard.application.organisation.FollowOrganisations;
import cn.huiyin.dashboard.application.projection.ProjectEvents;
import cn.huiyin.platform.messaging.inbound.EventHandlers;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The dashboard reads every service's topic as consumer group {@code dashboard} (bindings in dashboard.yml). Each
 * event changes the fact of the grievance it is about — one write that also records the event — and the cells by the
 * fact's change ({@link ProjectEvents}); a redelivered event has no second effect.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> intakeGrievances(InboundEvents inbound, ProjectEvents project) {
        return consumer(inbound, project, IntakeEvents.translations());
    }

    @Bean
    Consumer<Message<byte[]>> triageCases(InboundEvents inbound, ProjectEvents project) {
        return consumer(inbound, project, TriageEvents.translations());
    }

    @Bean
    Consumer<Message<byte[]>> followUpCases(InboundEvents inbound, ProjectEvents project) {
        return consumer(inbound, project, FollowUpEvents.translations());
    }

    @Bean
    Consumer<Message<byte[]>> jointMeetings(InboundEvents inbound, ProjectEvents project) {
        return consumer(inbound, project, JointMeetingEvents.translations());
    }

    @Bean
    Consumer<Message<byte[]>> triageOrganisations(InboundEvents inbound, FollowOrganisations organisations) {
        return inbound.consumer("dashboard", handlers -> handlers.on(OrganisationEvents.TYPE,
            OrganisationEvents.OrganisationUpdated.class, event -> organisations.updated(event.data().toRegistered())));
    }

    private static Consumer<Message<byte[]>> consumer(InboundEvents inbound, ProjectEvents project,
                                                      List<Translation<?>> translations) {
        return inbound.consumer("dashboard", handlers -> translations.forEach(t -> register(handlers, t, project)));
    }

    private static <T> void register(EventHandlers handlers, Translation<T> translation, ProjectEvents project) {
        handlers.on(translation.type(), translation.dataType(), event -> {
            List<String> ids = translation.grievanceIds().apply(event.data());
            if (!ids.isEmpty()) {
                project.applyToEach(ids, Slots.of(event.position()), translation.change().apply(event.data()));
            }
        });
    }
}
