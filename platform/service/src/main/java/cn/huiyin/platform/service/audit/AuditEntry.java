package cn.huiyin.platform.service.audit;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * One line of the audit trail.
 *
 * @param kind    STATE_CHANGE, PERSONAL_DATA_READ or EXPORT
 * @param action  e.g. {@code GrievanceSubmitted} or {@code personal-data.read}
 * @param fields  for a read: which personal data was shown
 * @param reason  for a read: why, as the reader said
 */
public record AuditEntry(String id, Instant at, String kind, String action, String grievanceId, String actor,
                         String actorOrg, List<String> fields, String reason, String service, String eventType) {

    @SuppressWarnings("unchecked")
    static AuditEntry of(Document d) {
        Date at = d.getDate("at");
        return new AuditEntry(String.valueOf(d.get("_id")), at == null ? null : at.toInstant(), d.getString("kind"),
            d.getString("action"), d.getString("grievanceId"), d.getString("actor"), d.getString("actorOrg"),
            (List<String>) d.get("fields"), d.getString("reason"), d.getString("service"), d.getString("eventType"));
    }
}
