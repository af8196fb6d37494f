package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One step of the grievance's history (办理进度) as a fact: when, where the grievance stood after it, what happened
 * and its parameters. The web edge tells it in Chinese or English, and leaves out the {@link #DETAILS} for those who
 * may not see them.
 *
 * <p>Entries written before history was kept as codes have no {@code step}; they carry their text instead
 * ({@code noteZh}, {@code noteEn}), which is shown as it was.
 *
 * @param params e.g. {@code org} (an organisation's name), {@code filename}, {@code into}, {@code report} and
 *               {@code about} (grievances' numbers), {@code due} (an instant), follow-up's codes
 */
public record Progress(Instant at, GrievanceStatus status, Step step, Map<String, String> params, String noteZh,
                       String noteEn) {

    /** What happened. */
    public enum Step {
        SUBMITTED, SUPPLEMENTED, EVIDENCE_ADDED, WITHDRAWN, ASSIGNED, REASSIGNED, ACCEPTED, RETURNED,
        REFERRED_FOR_RULING, MERGED,
        /** Follow-up's stages, as the worker hears of them (see {@link FollowUpStage}). */
        CONTACTED, PROGRESS, MATERIAL_REQUESTED, RESOLVED, CALLED_BACK, REOPENED, EXTENDED, CLOSED,
        /** The worker told the callback centre of retaliation; {@code report} is the new grievance about it. */
        RETALIATION_REPORTED,
        /** Filed by the callback centre from a retaliation report; {@code about} is the earlier grievance. */
        FILED_FROM_CALLBACK
    }

    /** Parameters that tell more about the worker than the matter does: a file's name, another grievance. */
    public static final Set<String> DETAILS = Set.of("filename", "into", "report", "about");

    public Progress {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static Progress of(Instant at, GrievanceStatus status, Step step, Map<String, String> params) {
        return new Progress(at, status, step, params, null, null);
    }

    /** The same step without its details and, for an entry kept as text, without the text. */
    public Progress withoutDetails() {
        Map<String, String> kept = new java.util.HashMap<>(params);
        kept.keySet().removeAll(DETAILS);
        return new Progress(at, status, step, kept, null, null);
    }
}
