package cn.huiyin.dashboard.domain.fact;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the dashboard knows about one grievance (案件事实): the dimensions it is counted under and the facts its figures
 * come from, read from the events of intake, triage, follow-up and joint-meeting. No personal data: no name, phone, ID
 * number, worker pseudonym or free text.
 *
 * <p>Every field is fed by exactly one producer's topic, and within a topic a grievance's events arrive in order; the
 * values derived from several producers ({@link #category()}, {@link #division()}, ...) are computed, never stored.
 * So the fact a grievance ends with does not depend on how the topics interleaved — the projection rebuilt from history
 * ends where the live one did.
 */
public final class CaseFact {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    public static final String UNKNOWN = "UNKNOWN";

    private final String grievanceId;

    // intake (问题收集)
    private Instant submittedAt;
    private String channel;
    private String filedCategory;
    private String filedWorkerGroup;
    private String filedDivision;
    private String enterprise;
    private Instant withdrawnAt;
    private Instant closedInLedgerAt;

    // triage (分拨)
    private int triageRevision;
    private String triagedCategory;
    private String triagedWorkerGroup;
    private String triagedDivision;
    private String urgency;
    private int assignAttempt;
    private Organisation lead;
    private Instant assignedAt;
    private Instant acceptedAt;
    private Instant responseDueAt;
    private Instant resolutionDueAt;
    private Set<String> assignedTo = new TreeSet<>();
    private Set<String> returnedBy = new TreeSet<>();
    private int returnCount;
    private String mergedInto;

    // follow-up (跟踪督办, 成效评估)
    private Instant firstResponseAt;
    private Boolean respondedWithinLimit;
    private Integer responseWorkingMinutes;
    private boolean responseBreached;
    private boolean resolutionBreached;
    private int resolutionRound;
    private Instant resolvedAt;
    private String resolutionKind;
    private Boolean resolvedWithinLimit;
    private Integer resolutionWorkingMinutes;
    private String solved;
    private String satisfaction;
    private int reopenCount;
    private Set<String> extensionsRequested = new TreeSet<>();
    private Set<String> extensionsApproved = new TreeSet<>();
    private Set<String> supervisions = new TreeSet<>();
    private Set<String> yellowCards = new TreeSet<>();
    private Set<String> redCards = new TreeSet<>();
    private Instant closedAt;
    private String outcome;
    private Remedy remedy;
    private Boolean retaliationReached;
    private boolean retaliationReported;

    // joint-meeting (联席会商)
    private Set<String> meetings = new TreeSet<>();
    private Set<String> actionItems = new TreeSet<>();

    public CaseFact(String grievanceId) {
        this.grievanceId = grievanceId;
    }

    /** A copy, so that the state before an event can be kept beside the state after it. */
    public CaseFact copy() {
        CaseFact c = new CaseFact(grievanceId);
        c.submittedAt = submittedAt;
        c.channel = channel;
        c.filedCategory = filedCategory;
        c.filedWorkerGroup = filedWorkerGroup;
        c.filedDivision = filedDivision;
        c.enterprise = enterprise;
        c.withdrawnAt = withdrawnAt;
        c.closedInLedgerAt = closedInLedgerAt;
        c.triageRevision = triageRevision;
        c.triagedCategory = triagedCategory;
        c.triagedWorkerGroup = triagedWorkerGroup;
        c.triagedDivision = triagedDivision;
        c.urgency = urgency;
        c.assignAttempt = assignAttempt;
        c.lead = lead;
        c.assignedAt = assignedAt;
        c.acceptedAt = acceptedAt;
        c.responseDueAt = responseDueAt;
        c.resolutionDueAt = resolutionDueAt;
        c.assignedTo = new TreeSet<>(assignedTo);
        c.returnedBy = new TreeSet<>(returnedBy);
        c.returnCount = returnCount;
        c.mergedInto = mergedInto;
        c.firstResponseAt = firstResponseAt;
        c.respondedWithinLimit = respondedWithinLimit;
        c.responseWorkingMinutes = responseWorkingMinutes;
        c.responseBreached = responseBreached;
        c.resolutionBreached = resolutionBreached;
        c.resolutionRound = resolutionRound;
        c.resolvedAt = resolvedAt;
        c.resolutionKind = resolutionKind;
        c.resolvedWithinLimit = resolvedWithinLimit;
        c.resolutionWorkingMinutes = resolutionWorkingMinutes;
        c.solved = solved;
        c.satisfaction = satisfaction;
        c.reopenCount = reopenCount;
        c.extensionsRequested = new TreeSet<>(extensionsRequested);
        c.extensionsApproved = new TreeSet<>(extensionsApproved);
        c.supervisions = new TreeSet<>(supervisions);
        c.yellowCards = new TreeSet<>(yellowCards);
        c.redCards = new TreeSet<>(redCards);
        c.closedAt = closedAt;
        c.outcome = outcome;
        c.remedy = remedy;
        c.retaliationReached = retaliationReached;
        c.retaliationReported = retaliationReported;
        c.meetings = new TreeSet<>(meetings);
        c.actionItems = new TreeSet<>(actionItems);
        return c;
    }

    // ---- what the events say ------------------------------------------------------------------------------------

    /** Intake accepted the grievance (受理). */
    public void submitted(Instant at, String channel, String category, String workerGroup, String divisionCode,
                          String enterprise) {
        this.submittedAt = at;
        this.channel = blankToNull(channel);
        this.filedCategory = blankToNull(category);
        this.filedWorkerGroup = blankToNull(workerGroup);
        this.filedDivision = blankToNull(divisionCode);
        this.enterprise = blankToNull(enterprise);
    }

    /** The worker withdrew it (撤回). */
    public void withdrawn(Instant at) {
        this.withdrawnAt = at;
    }

    /**
     * It was imported from a city's earlier ledger (台账) that had already closed it: counted as received on the day
     * the ledger registered it, and left out of every rate, as Huiyin saw none of its handling.
     */
    public void closedInLedger(Instant at) {
        this.closedInLedgerAt = at;
    }

    /** Triage classified it; a later revision replaces an earlier one, an older one changes nothing. */
    public void triaged(int revision, String category, String workerGroup, String divisionCode, String urgency,
                        Instant responseDueAt, Instant resolutionDueAt) {
        if (revision < triageRevision) {
            return;
        }
        this.triageRevision = revision;
        this.triagedCategory = blankToNull(category);
        this.triagedWorkerGroup = blankToNull(workerGroup);
        if (blankToNull(divisionCode) != null) {
            this.triagedDivision = divisionCode;
        }
        this.urgency = blankToNull(urgency);
        this.responseDueAt = responseDueAt == null ? this.responseDueAt : responseDueAt;
        this.resolutionDueAt = resolutionDueAt == null ? this.resolutionDueAt : resolutionDueAt;
    }

    /** Triage assigned it to a lead organisation; the attempt number decides which assignment is the latest. */
    public void assigned(int attempt, Organisation organisation, String category, Instant at, Instant responseDueAt,
                         Instant resolutionDueAt) {
        assignedTo.add(organisation.id());
        if (attempt < assignAttempt) {
            return;
        }
        this.assignAttempt = attempt;
        this.lead = organisation;
        this.assignedAt = at;
        if (blankToNull(category) != null && triagedCategory == null) {
            this.triagedCategory = category;
        }
        this.responseDueAt = responseDueAt == null ? this.responseDueAt : responseDueAt;
        this.resolutionDueAt = resolutionDueAt == null ? this.resolutionDueAt : resolutionDueAt;
    }

    /** The lead signed for it (签收). */
    public void accepted(Instant at) {
        if (acceptedAt == null || at.isAfter(acceptedAt)) {
            this.acceptedAt = at;
        }
    }

    /** An organisation returned it (退单). */
    public void returned(String organisationId, int returnCount) {
        returnedBy.add(organisationId);
        this.returnCount = Math.max(this.returnCount, returnCount);
    }

    /** Triage merged it into another grievance as a duplicate. */
    public void merged(String into) {
        this.mergedInto = into;
    }

    /** The lead made the first contact with the worker (先行联系): the response. */
    public void responded(Instant at, boolean withinLimit, int workingMinutes) {
        if (firstResponseAt != null) {
            return;
        }
        this.firstResponseAt = at;
        this.respondedWithinLimit = withinLimit;
        this.responseWorkingMinutes = workingMinutes;
    }

    /** A limit passed unmet (DeadlineBreached): {@code RESPONSE} or a resolution round. */
    public void breached(String limitKind) {
        if ("RESPONSE".equals(limitKind)) {
            this.responseBreached = true;
        } else if ("RESOLUTION".equals(limitKind)) {
            this.resolutionBreached = true;
        }
    }

    /** The lead concluded a handling round (办结). */
    public void resolved(int round, String kind, Instant at, boolean withinLimit, int workingMinutes) {
        if (round < resolutionRound) {
            return;
        }
        this.resolutionRound = round;
        this.resolvedAt = at;
        this.resolutionKind = kind;
        this.resolvedWithinLimit = withinLimit;
        this.resolutionWorkingMinutes = workingMinutes;
    }

    /** The worker was reached and answered (回访): the latest answers count. */
    public void calledBack(String solved, String satisfaction) {
        if (solved != null) {
            this.solved = solved;
        }
        if (satisfaction != null) {
            this.satisfaction = satisfaction;
        }
    }

    /** The case was reopened (重办). */
    public void reopened(int reopenCount) {
        this.reopenCount = Math.max(this.reopenCount, reopenCount);
    }

    public void extensionRequested(String extensionId) {
        extensionsRequested.add(extensionId);
    }

    public void extensionDecided(String extensionId, boolean approved) {
        if (approved) {
            extensionsApproved.add(extensionId);
        }
    }

    /** A supervision (督办) was issued, perhaps with a card: each supervision id counts once. */
    public void supervised(String supervisionId, String card) {
        supervisions.add(supervisionId);
        if ("YELLOW".equals(card)) {
            yellowCards.add(supervisionId);
        } else if ("RED".equals(card)) {
            redCards.add(supervisionId);
        }
    }

    /** The case was closed (结案) with its outcome, kept apart from every other outcome. */
    public void closed(Instant at, String outcome, Remedy remedy, String solved, String satisfaction) {
        this.closedAt = at;
        this.outcome = outcome;
        if (remedy != null) {
            this.remedy = remedy;
        }
        calledBack(solved, satisfaction);
    }

    /** The callback centre asked about retaliation after closure (打击报复回访). */
    public void retaliationChecked(boolean reached, boolean reported) {
        this.retaliationReached = reached;
        this.retaliationReported = reported;
    }

    /** A joint meeting (联席会议) decided on it. */
    public void jointlyReviewed(String meetingId) {
        meetings.add(meetingId);
    }

    /** A joint meeting's action item serves it. */
    public void actionItemAssigned(String actionItemId) {
        actionItems.add(actionItemId);
    }

    // ---- what the figures ask -------------------------------------------------------------------------------------

    public String grievanceId() {
        return grievanceId;
    }

    /** Counted at all: only once intake's submission is known (the date every cohort figure is counted by). */
    public boolean isCounted() {
        return submittedAt != null;
    }

    /** Triage's category if it classified the grievance, else the filer's, else {@value #UNCLASSIFIED}. */
    public String category() {
        return triagedCategory != null ? triagedCategory : filedCategory != null ? filedCategory : UNCLASSIFIED;
    }

    public String workerGroup() {
        return triagedWorkerGroup != null ? triagedWorkerGroup : filedWorkerGroup != null ? filedWorkerGroup : UNKNOWN;
    }

    /** The place's division code (triage's, else the filer's), or null if neither names one. */
    public String division() {
        return triagedDivision != null ? triagedDivision : filedDivision;
    }

    public String channel() {
        return channel == null ? UNKNOWN : channel;
    }

    public String enterprise() {
        return enterprise == null ? UNKNOWN : enterprise;
    }

    /** Withdrawn by the worker, merged into another grievance, or closed before Huiyin: left out of every rate. */
    public boolean isExcluded() {
        return withdrawnAt != null || mergedInto != null || closedInLedgerAt != null
            || "WITHDRAWN".equals(outcome) || "MERGED".equals(outcome);
    }

    /** Closed with an outcome the unit answers for (not withdrawn, not merged). */
    public boolean isClosed() {
        return closedAt != null && !isExcluded();
    }

    /** A resolution limit passed unmet: breached while open, or resolved after the deadline. */
    public boolean isOverdue() {
        return resolutionBreached || Boolean.FALSE.equals(resolvedWithinLimit);
    }

    public boolean hasResponded() {
        return firstResponseAt != null;
    }

    public boolean isResolved() {
        return resolutionRound > 0;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    /** When a city's earlier ledger closed it, for a row imported as closed; else null. */
    public Instant closedInLedgerAt() {
        return closedInLedgerAt;
    }

    public String urgency() {
        return urgency;
    }

    public Organisation lead() {
        return lead;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public Instant responseDueAt() {
        return responseDueAt;
    }

    public Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    public Set<String> assignedTo() {
        return Set.copyOf(assignedTo);
    }

    public Set<String> returnedBy() {
        return Set.copyOf(returnedBy);
    }

    public int returnCount() {
        return Math.max(returnCount, returnedBy.size());
    }

    public String mergedInto() {
        return mergedInto;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Boolean respondedWithinLimit() {
        return respondedWithinLimit;
    }

    public Integer responseWorkingMinutes() {
        return responseWorkingMinutes;
    }

    public boolean responseBreached() {
        return responseBreached;
    }

    public boolean resolutionBreached() {
        return resolutionBreached;
    }

    public int resolutionRound() {
        return resolutionRound;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolutionKind() {
        return resolutionKind;
    }

    public Boolean resolvedWithinLimit() {
        return resolvedWithinLimit;
    }

    public Integer resolutionWorkingMinutes() {
        return resolutionWorkingMinutes;
    }

    public String solved() {
        return solved;
    }

    public String satisfaction() {
        return satisfaction;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public int extensionsRequested() {
        return extensionsRequested.size();
    }

    public int extensionsApproved() {
        return extensionsApproved.size();
    }

    public int supervisions() {
        return supervisions.size();
    }

    public int yellowCards() {
        return yellowCards.size();
    }

    public int redCards() {
        return redCards.size();
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String outcome() {
        return outcome;
    }

    public Remedy remedy() {
        return remedy;
    }

    public Boolean retaliationReached() {
        return retaliationReached;
    }

    public boolean retaliationReported() {
        return retaliationReported;
    }

    public int meetings() {
        return meetings.size();
    }

    public int actionItems() {
        return actionItems.size();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
