package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.ContactChannel;
import cn.huiyin.followup.domain.casefile.EvidenceRef;
import cn.huiyin.platform.kernel.access.Caller;

/** The handling organisations' steps on a case (办理): first contact, progress, material requests, supervision replies. */
public class HandleCases {

    private final CaseChanges changes;
    private final Clock clock;

    public HandleCases(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** @param contactedAt when the worker was reached; null for now */
    public CaseFile recordFirstContact(Caller caller, String grievanceId, Instant contactedAt, ContactChannel channel,
                                       String note) {
        Instant now = now(clock);
        return changes.change(grievanceId, c -> c.recordFirstContact(caller, contactedAt, channel, note, now,
            changes.time()));
    }

    public CaseFile recordProgress(Caller caller, String grievanceId, String note, List<EvidenceRef> evidence) {
        Instant now = now(clock);
        return changes.change(grievanceId, c -> c.recordProgress(caller, note, evidence, now));
    }

    public CaseFile requestMaterial(Caller caller, String grievanceId, String materials) {
        Instant now = now(clock);
        return changes.change(grievanceId, c -> c.requestMaterial(caller, materials, now, changes.time()));
    }

    public CaseFile replyToSupervision(Caller caller, String grievanceId, String supervisionId, String reply) {
        Instant now = now(clock);
        return changes.change(grievanceId, c -> c.replyToSupervision(caller, supervisionId, reply, now));
    }

    /** Now, to the millisecond the store keeps. */
    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
