package cn.huiyin.followup.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.followup.application.OrganisationEntry;
import cn.huiyin.followup.application.Organisations;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Follow-up keeps its own view of triage's organisation registry (binding {@code triageOrganisations-in-0}): who is
 * above whom, for escalation and extension approval, and each organisation's office hours.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationEventsConsumer {

    record Ancestor(String id, String name, String type) {
    }

    /** Follow-up's reading of {@code cn.huiyin.triage.OrganisationUpdated.v1}. */
    record OrganisationUpdated(String organisationId, String name, String type, String parentId,
                               List<Ancestor> ancestors, List<String> jurisdiction, String businessHours,
                               Boolean active, Long revision, Instant updatedAt) {
    }

    @Bean
    Consumer<Message<byte[]>> triageOrganisations(InboundEvents inbound, Organisations organisations) {
        return inbound.consumer("follow-up", handlers -> handlers
            .on("cn.huiyin.triage.OrganisationUpdated.v1", OrganisationUpdated.class, event -> {
                OrganisationUpdated d = event.data();
                List<OrganisationRef> ancestors = d.ancestors() == null ? List.of()
                    : d.ancestors().stream().map(a -> new OrganisationRef(a.id(), a.name(), a.type())).toList();
                organisations.updated(new OrganisationEntry(Required.field(d.organisationId(), "organisationId", event),
                    d.name(), d.type(), d.parentId(), ancestors, d.jurisdiction(), d.businessHours(),
                    !Boolean.FALSE.equals(d.active()), Required.field(d.revision(), "revision", event), d.updatedAt()));
            }));
    }
}
