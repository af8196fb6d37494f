package cn.huiyin.notifications.application;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.notifications.application.QueueNotifications.Organisation;

/**
 * The worker hears back at every stage (事事有回音): accepted, signed for, material needed, resolved, callback coming,
 * reopened, closed. Each message carries the tracking number and no more than it needs.
 */
public class WorkerUpdates {

    /** The callback notice follows the resolution notice, never overtakes it. */
    static final Duration CALLBACK_NOTICE_AFTER = Duration.ofMinutes(1);

    private final QueueNotifications queue;

    public WorkerUpdates(QueueNotifications queue) {
        this.queue = queue;
    }

    /** @param tellTheWorker false for a grievance that needs no acceptance message (closed before Huiyin took it over) */
    public void accepted(String cause, String grievanceId, String workerRef, String divisionCode, boolean confidential,
                         Instant at, boolean tellTheWorker) {
        queue.grievanceSubmitted(grievanceId, workerRef, divisionCode, confidential);
        if (tellTheWorker) {
            queue.toWorker(cause, grievanceId, "WORKER_ACCEPTED", Map.of("trackingNumber", grievanceId), at, null);
        }
    }

    public void signedFor(String cause, String grievanceId, Organisation organisation, Instant at) {
        queue.toWorker(cause, grievanceId, "WORKER_SIGNED_FOR", Map.of("trackingNumber", grievanceId,
            "organisation", queue.nameOf(grievanceId, organisation)), at, null);
    }

    public void materialRequested(String cause, String grievanceId, String materials, Instant dueAt, Instant at) {
        queue.toWorker(cause, grievanceId, "WORKER_MATERIAL_REQUESTED", Map.of("trackingNumber", grievanceId,
            "materials", shorten(materials, 40), "dueDate", Formats.date(dueAt)), at, null);
    }

    public void resolved(String cause, String grievanceId, String kind, String explanation, String moneyYuan,
                         boolean claimPaid, Instant at) {
        Map<String, String> resolved = new LinkedHashMap<>();
        resolved.put("trackingNumber", grievanceId);
        resolved.put("outcome", Formats.outcome(kind, explanation));
        resolved.put("remedy", Formats.remedy(moneyYuan, claimPaid));
        queue.toWorker(cause, grievanceId, "WORKER_RESOLVED", resolved, at, null);
        queue.toWorker(cause, grievanceId, "WORKER_CALLBACK_COMING", Map.of("trackingNumber", grievanceId),
            at.plus(CALLBACK_NOTICE_AFTER), null);
    }

    public void reopened(String cause, String grievanceId, Organisation organisation, Instant dueAt, Instant at) {
        queue.toWorker(cause, grievanceId, "WORKER_REOPENED", Map.of("trackingNumber", grievanceId,
            "organisation", queue.nameOf(grievanceId, organisation), "dueDate", Formats.date(dueAt)), at, null);
    }

    public void closed(String cause, String grievanceId, String outcome, Instant at) {
        queue.toWorker(cause, grievanceId, "WORKER_CLOSED", Map.of("trackingNumber", grievanceId,
            "outcome", Formats.closure(outcome)), at, null);
    }

    private static String shorten(String text, int max) {
        String s = text == null ? "" : text.strip();
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
