package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * Tracked supervision (跟踪督办). The scan finds the case files and action items whose next ladder step is due (each
 * stores that instant) and takes the steps; every instance runs it, and a step is issued once because it is recorded
 * in the same optimistic single-document write as its events (ADR 0018). Supervisors also issue their own 督办.
 */
public class SuperviseDeadlines {

    /** How many due records one query returns; a scan repeats the query until none is left. */
    static final int BATCH = 500;

    /** What one scan did. */
    public record ScanResult(int caseFiles, int actionItems, int stepsIssued) {
    }

    private final CaseFiles cases;
    private final CaseChanges changes;
    private final TrackActionItems actionItems;
    private final Organisations organisations;
    private final Clock clock;

    public SuperviseDeadlines(CaseFiles cases, CaseChanges changes, TrackActionItems actionItems,
                              Organisations organisations, Clock clock) {
        this.cases = cases;
        this.changes = changes;
        this.actionItems = actionItems;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Takes every ladder step due now. */
    public ScanResult scan() {
        Instant now = HandleCases.now(clock);
        int steps = 0;
        int visited = 0;
        Set<String> seen = new HashSet<>();
        List<DueCheck> due = cases.dueForSupervision(now, BATCH);
        while (!due.isEmpty()) {
            for (DueCheck check : due) {
                if (seen.add(check.id())) {
                    steps += superviseUnlessContended(check, now);
                    visited++;
                }
            }
            List<DueCheck> next = cases.dueForSupervision(now, BATCH);
            due = next.stream().anyMatch(check -> !seen.contains(check.id())) ? next : List.of();
        }
        TrackActionItems.Supervised items = actionItems.supervise(now);
        return new ScanResult(visited, items.visited(), steps + items.stepsIssued());
    }

    /**
     * A case file that kept changing under every attempt (another instance's scan, a handler, events) is left to
     * whoever changed it and to the next scan, whose due entry still finds it; the rest of this scan goes on.
     */
    private int superviseUnlessContended(DueCheck check, Instant now) {
        try {
            return changes.supervise(check, c -> c.handling().isEmpty() ? 0
                : c.supervise(now, changes.hierarchyOf(c), changes.time()));
        } catch (ConcurrentChange contended) {
            return 0;
        }
    }

    /** A supervisor's own 督办 on a case in their jurisdiction or led below their organisation. */
    public CaseFile superviseManually(Caller caller, String grievanceId, String instructions, Instant replyDueAt) {
        Instant now = HandleCases.now(clock);
        OrganisationRef byOrganisation = organisations.ref(caller.organisationId());
        return changes.change(grievanceId, c -> {
            var hierarchy = changes.hierarchyOf(c);
            CaseReach.requireSupervises(caller, c, hierarchy);
            c.superviseManually(caller, byOrganisation, instructions, replyDueAt, hierarchy, now, changes.time());
        });
    }
}
