package cn.huiyin.notifications;

import java.time.Instant;

/** Test helpers to send an event again exactly as it was (same ce_id): what a redelivery looks like. */
final class ObjectNodes {

    private ObjectNodes() {
    }

    /** Publishes the intake example again under the id {@code eventId} (a redelivery of that event). */
    static void republish(NotificationsKit kit, String topic, String source, String type, String grievanceId,
                          Instant at, String eventId) {
        var data = NotificationsKit.example("intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json");
        data.put("grievanceId", grievanceId).put("trackingNumber", grievanceId).put("submittedAt", at.toString())
            .put("confidential", false);
        ((tools.jackson.databind.node.ObjectNode) data.get("worker")).put("workerRef", NotificationsKit.workerRef(grievanceId));
        kit.publish(topic, source, type, grievanceId, data, at, eventId);
    }
}
