package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/** Extensions (延期): requested by the lead before the deadline, decided by the organisation above. */
public class Extensions {

    private final CaseChanges changes;
    private final Clock clock;

    public Extensions(CaseChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** @param requestedDueAt the deadline asked for; or null with {@code workingDays} more than the current one */
    public CaseFile request(Caller caller, String grievanceId, String reason, Instant requestedDueAt,
                            Integer workingDays) {
        if ((requestedDueAt == null) == (workingDays == null)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("requestedDueAt", "extension.due.one-of",
                "须给出申请的新期限（requestedDueAt）或延长的工作日数（workingDays），二者选一",
                "give either the deadline asked for (requestedDueAt) or the working days to add (workingDays), not both")));
        }
        Instant now = HandleCases.now(clock);
        return changes.change(grievanceId, c -> {
            Instant asked = requestedDueAt != null ? requestedDueAt : c.clocks().resolution().map(r -> changes.time()
                .plusWorkingDays(r.dueAt(), workingDays, r.hours())).orElse(now);
            c.requestExtension(caller, reason, asked, changes.hierarchyOf(c), now);
        });
    }

    public CaseFile decide(Caller caller, String grievanceId, String extensionId, boolean approve, String note) {
        Instant now = HandleCases.now(clock);
        return changes.change(grievanceId, c -> c.decideExtension(caller, extensionId, approve, note,
            changes.hierarchyOf(c), now, changes.time()));
    }

    /** The resolution deadline of a case now. */
    public static Instant resolutionDue(CaseFile caseFile) {
        return caseFile.clocks().resolution().map(Limit::dueAt).orElse(null);
    }
}
