package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * What people read: one case file, a handler's cases (nearest deadline first), a supervisor's escalations and cards,
 * the callback centre's calls due today. Each list is scoped by the caller's jurisdiction in the query itself; a
 * missing or malformed jurisdiction sees nothing.
 */
public class CaseQueries {

    /** The statuses a handler works on. */
    static final Set<CaseStatus> HANDLED = EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.SIGNED_FOR,
        CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_WORKER);

    private final CaseFiles cases;
    private final CaseChanges changes;
    private final Clock clock;

    public CaseQueries(CaseFiles cases, CaseChanges changes, Clock clock) {
        this.cases = cases;
        this.changes = changes;
        this.clock = clock;
    }

    public CaseFile find(Caller caller, String grievanceId) {
        CaseFile caseFile = changes.load(grievanceId);
        Hierarchy hierarchy = caseFile.handling().isPresent() ? changes.hierarchyOf(caseFile) : null;
        CaseReach.requireRead(caller, caseFile, hierarchy);
        return caseFile;
    }

    /** The hierarchy above a case's lead, for views that name it. */
    public Hierarchy hierarchyOf(CaseFile caseFile) {
        return changes.hierarchyOf(caseFile);
    }

    /** 我的案件: my organisation's open cases, led or co-handled, overdue first. */
    public Page<CaseFile> myCases(Caller caller, int page, int size) {
        String prefix = caller.jurisdiction().prefix();
        if (prefix == null || caller.organisationId() == null) {
            return Page.empty(page, size);
        }
        return cases.handledBy(caller.organisationId(), prefix, HANDLED, page, size);
    }

    /** 督办: escalated cases and their cards in the supervisor's jurisdiction, most recent first. */
    public Page<CaseFile> escalations(Caller caller, Card card, int page, int size) {
        String prefix = caller.jurisdiction().prefix();
        return prefix == null ? Page.empty(page, size) : cases.escalated(prefix, card, page, size);
    }

    /** 延期待审批: cases in the caller's jurisdiction with an extension request not decided yet, longest waiting first. */
    public Page<CaseFile> extensionsAwaitingDecision(Caller caller, int page, int size) {
        String prefix = caller.jurisdiction().prefix();
        return prefix == null ? Page.empty(page, size) : cases.awaitingExtensionDecision(prefix, page, size);
    }

    /** 今日待回访: resolved cases whose callback is due by the end of today (Beijing), overdue ones included. */
    public Page<CaseFile> callbacksDueToday(Caller caller, int page, int size) {
        String prefix = caller.jurisdiction().prefix();
        return prefix == null ? Page.empty(page, size) : cases.callbacksDue(prefix, endOfToday(), page, size);
    }

    /** Later than any callback is due (a date the store can hold, unlike {@code Instant.MAX}). */
    private static final Instant ANY_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** Every resolved case in the caller's jurisdiction still waiting for its callback, soonest due first. */
    public Page<CaseFile> callbacksAwaiting(Caller caller, int page, int size) {
        String prefix = caller.jurisdiction().prefix();
        return prefix == null ? Page.empty(page, size) : cases.callbacksDue(prefix, ANY_TIME, page, size);
    }

    /** 待打击报复回访: closed cases whose 30-day retaliation check is due by the end of today. */
    public Page<CaseFile> retaliationChecksDue(Caller caller, int page, int size) {
        String prefix = caller.jurisdiction().prefix();
        return prefix == null ? Page.empty(page, size) : cases.retaliationChecksDue(prefix, endOfToday(), page, size);
    }

    private Instant endOfToday() {
        return LocalDate.ofInstant(clock.instant(), ChinaCalendar.ZONE).plusDays(1).atStartOfDay(ChinaCalendar.ZONE)
            .toInstant();
    }
}
