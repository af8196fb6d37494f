package cn.huiyin.jointmeeting.messaging;

import static cn.huiyin.jointmeeting.messaging.TriageEventsConsumer.orEmpty;
import static cn.huiyin.jointmeeting.messaging.TriageEventsConsumer.required;

import java.util.function.Consumer;

import cn.huiyin.jointmeeting.application.review.FollowOrganisations;
import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Joint-meeting keeps its own view of triage's organisation registry (binding {@code triageOrganisations-in-0}). */
@Configuration(proxyBeanMethods = false)
class OrganisationEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> triageOrganisations(InboundEvents inbound, FollowOrganisations follow) {
        return inbound.consumer("joint-meeting", handlers -> handlers
            .on("cn.huiyin.triage.OrganisationUpdated.v1", InboundRecords.OrganisationUpdated.class, event -> {
                var data = event.data();
                follow.updated(new KnownOrganisation(required(data.organisationId(), event), required(data.name(), event),
                    data.nameEn(), required(data.type(), event), data.parentId(), orEmpty(data.ancestors()),
                    orEmpty(data.jurisdiction()), data.businessHours(), data.active() == null || data.active(),
                    required(data.revision(), event), data.updatedAt()));
            }));
    }
}
