package cn.huiyin.notifications.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.notifications.application.CallbacksDueToday;
import cn.huiyin.notifications.application.QueueNotifications;
import cn.huiyin.notifications.application.StaffAlerts;
import cn.huiyin.notifications.application.WorkerUpdates;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Follow-up's case topic (binding {@code followUpCases-in-0}): the worker's stages (material, resolution, reopen,
 * closure) and the supervision ladder's reminders, escalations and breaches for staff; the callback due dates (from
 * {@code GrievanceResolved}, settled by a closure or a reopen) for the callback centre's list of the day.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpEventsConsumer {

    record Limit(String id, String kind, Instant dueAt) {
    }

    record Recipient(String organisationId, String name, String type, String role) {
        QueueNotifications.Organisation toOrganisation() {
            return new QueueNotifications.Organisation(organisationId, name, type);
        }
    }

    record MaterialRequested(String grievanceId, String materials, Instant requestedAt, Instant resolutionDueAt) {
    }

    record GrievanceResolved(String grievanceId, String kind, String explanation, Remedy remedy, Instant resolvedAt,
                             Instant callbackDueAt) {
        record Remedy(Money moneyRecovered, boolean claimPaid) {
        }

        record Money(String yuan) {
        }
    }

    record GrievanceReopened(String grievanceId, OrganisationRecord organisation, Instant reopenedAt,
                             Instant resolutionDueAt) {
    }

    record GrievanceClosed(String grievanceId, String outcome, Instant closedAt) {
    }

    record ReminderIssued(String grievanceId, String actionItemId, Limit limit, Instant issuedAt,
                          long workingMinutesLeft, List<Recipient> recipients) {
    }

    record SupervisionEscalated(String grievanceId, String actionItemId, OrganisationRecord organisation,
                                OrganisationRecord escalatedTo, List<Recipient> recipients, Instant replyDueAt,
                                Instant escalatedAt) {
    }

    record DeadlineBreached(String grievanceId, String actionItemId, Limit limit, OrganisationRecord organisation,
                            Instant detectedAt) {
    }

    @Bean
    Consumer<Message<byte[]>> followUpCases(InboundEvents inbound, WorkerUpdates workers, StaffAlerts staff,
                                            CallbacksDueToday callbacks) {
        return inbound.consumer("notifications", handlers -> handlers
            .on("cn.huiyin.followup.MaterialRequested.v1", MaterialRequested.class, event -> {
                MaterialRequested d = event.data();
                workers.materialRequested(event.id(), Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.materials(), "materials", event), d.resolutionDueAt(),
                    Required.field(d.requestedAt(), "requestedAt", event));
            })
            .on("cn.huiyin.followup.GrievanceResolved.v1", GrievanceResolved.class, event -> {
                GrievanceResolved d = event.data();
                workers.resolved(event.id(), Required.field(d.grievanceId(), "grievanceId", event), d.kind(),
                    d.explanation(), d.remedy() == null || d.remedy().moneyRecovered() == null ? null
                        : d.remedy().moneyRecovered().yuan(), d.remedy() != null && d.remedy().claimPaid(),
                    Required.field(d.resolvedAt(), "resolvedAt", event));
                callbacks.resolved(d.grievanceId(), d.resolvedAt(), d.callbackDueAt());
            })
            .on("cn.huiyin.followup.GrievanceReopened.v1", GrievanceReopened.class, event -> {
                GrievanceReopened d = event.data();
                workers.reopened(event.id(), Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.organisation(), "organisation", event).toOrganisation(), d.resolutionDueAt(),
                    Required.field(d.reopenedAt(), "reopenedAt", event));
                callbacks.settled(d.grievanceId(), d.reopenedAt());
            })
            .on("cn.huiyin.followup.GrievanceClosed.v1", GrievanceClosed.class, event -> {
                GrievanceClosed d = event.data();
                workers.closed(event.id(), Required.field(d.grievanceId(), "grievanceId", event), d.outcome(),
                    Required.field(d.closedAt(), "closedAt", event));
                callbacks.settled(d.grievanceId(), d.closedAt());
            })
            .on("cn.huiyin.followup.ReminderIssued.v1", ReminderIssued.class, event -> {
                ReminderIssued d = event.data();
                Limit limit = Required.field(d.limit(), "limit", event);
                staff.reminder(event.id(), d.grievanceId(), actionItemUnlessGrievance(d.grievanceId(), d.actionItemId(), event),
                    limit.kind(), limit.dueAt(), d.workingMinutesLeft(), organisations(d.recipients()),
                    Required.field(d.issuedAt(), "issuedAt", event));
            })
            .on("cn.huiyin.followup.SupervisionEscalated.v1", SupervisionEscalated.class, event -> {
                SupervisionEscalated d = event.data();
                staff.escalated(event.id(), d.grievanceId(), actionItemUnlessGrievance(d.grievanceId(), d.actionItemId(), event),
                    Required.field(d.organisation(), "organisation", event).toOrganisation(),
                    d.escalatedTo() == null ? null : d.escalatedTo().toOrganisation(), d.replyDueAt(),
                    organisations(d.recipients()), Required.field(d.escalatedAt(), "escalatedAt", event));
            })
            .on("cn.huiyin.followup.DeadlineBreached.v1", DeadlineBreached.class, event -> {
                DeadlineBreached d = event.data();
                Limit limit = Required.field(d.limit(), "limit", event);
                staff.breached(event.id(), d.grievanceId(), actionItemUnlessGrievance(d.grievanceId(), d.actionItemId(), event),
                    limit.kind(), limit.dueAt(), Required.field(d.organisation(), "organisation", event)
                        .toOrganisation(), Required.field(d.detectedAt(), "detectedAt", event));
            }));
    }

    /** The action item id when the event is about one; a grievance event needs none. */
    private static String actionItemUnlessGrievance(String grievanceId, String actionItemId,
                                  cn.huiyin.platform.messaging.inbound.InboundEvent<?> event) {
        return grievanceId != null ? null : Required.field(actionItemId, "grievanceId or actionItemId", event);
    }

    private static List<QueueNotifications.Organisation> organisations(List<Recipient> recipients) {
        return recipients == null ? List.of() : recipients.stream().map(Recipient::toOrganisation).toList();
    }
}
