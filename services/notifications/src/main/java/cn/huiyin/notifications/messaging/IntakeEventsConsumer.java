package cn.huiyin.notifications.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import cn.huiyin.notifications.application.WorkerUpdates;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Intake's grievance topic (binding {@code intakeGrievances-in-0}): a new grievance means the acceptance message —
 * except a row imported from a city's earlier ledger as closed there, about which the worker hears nothing new.
 */
@Configuration(proxyBeanMethods = false)
class IntakeEventsConsumer {

    /** Notifications' reading of intake's {@code GrievanceSubmitted}: the fields it uses. */
    record GrievanceSubmitted(String grievanceId, Instant submittedAt, Worker worker, boolean confidential,
                              Location location, ExternalReferences externalReferences) {
        record Worker(String workerRef) {
        }

        record Location(String divisionCode) {
        }

        record ExternalReferences(Ledger ledger) {
        }

        /** The ledger row an imported grievance came from (channel LEDGER_IMPORT). */
        record Ledger(String status) {
        }

        /** A row of a city's earlier ledger that was closed there: the worker heard the outcome long ago. */
        boolean closedInLedger() {
            return externalReferences != null && externalReferences.ledger() != null
                && "CLOSED".equals(externalReferences.ledger().status());
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
                    Required.field(d.submittedAt(), "submittedAt", event), !d.closedInLedger());
            }));
    }
}
