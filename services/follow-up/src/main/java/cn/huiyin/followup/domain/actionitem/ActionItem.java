package cn.huiyin.followup.domain.actionitem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.casefile.HistoryEntry;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.LimitKind;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.domain.events.ActionItemCompleted;
import cn.huiyin.followup.domain.events.ActionItemProgressRecorded;
import cn.huiyin.followup.domain.supervision.SupervisionRecord;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * A joint meeting's action item (联席会议交办任务), tracked like a case: its lead department reports progress and
 * finishes it (done, or explained), its due date is a time limit the supervision ladder watches, and while it is open
 * the grievances it serves cannot be resolved. Identified by the action item id; its events are keyed by it.
 */
public final class ActionItem {

    static final String LIMIT_ID = "ACTION-ITEM";

    private final String id;
    private final Assignment assignment;
    private ActionItemStatus status;
    private Limit limit;
    private final List<ActionItemProgress> progress;
    private Completion completion;
    private final SupervisionRecord supervision;
    private final List<HistoryEntry> history;
    private Instant nextSupervisionAt;
    private final List<Object> pendingEvents = new ArrayList<>();

    /** Everything an action item holds, for storing and restoring it. */
    public record Snapshot(String id, Assignment assignment, ActionItemStatus status, Limit limit,
                           List<ActionItemProgress> progress, Completion completion, SupervisionRecord supervision,
                           List<HistoryEntry> history, Instant nextSupervisionAt) {
    }

    private ActionItem(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.assignment = Objects.requireNonNull(s.assignment(), "assignment");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.limit = Objects.requireNonNull(s.limit(), "limit");
        this.progress = new ArrayList<>(s.progress() == null ? List.of() : s.progress());
        this.completion = s.completion();
        this.supervision = s.supervision() == null ? SupervisionRecord.empty() : s.supervision();
        this.history = new ArrayList<>(s.history() == null ? List.of() : s.history());
        this.nextSupervisionAt = s.nextSupervisionAt();
    }

    /** An item the joint meeting just assigned; its due date counts in office hours on the platform calendar. */
    public static ActionItem assigned(String actionItemId, Assignment assignment, WorkingTime time) {
        Limit limit = Limit.until(LIMIT_ID, LimitKind.ACTION_ITEM, assignment.assignedAt(), assignment.dueAt(),
            WorkingTime.OFFICE_HOURS, time);
        ActionItem item = new ActionItem(new Snapshot(actionItemId, assignment, ActionItemStatus.OPEN, limit, List.of(),
            null, null, List.of(), null));
        item.history.add(new HistoryEntry(assignment.assignedAt(), "system", "ACTION_ITEM_ASSIGNED", Map.of(
            "organisation", assignment.lead().name(), "meetingId", assignment.meetingId(),
            "dueAt", assignment.dueAt().toString())));
        item.replan(time);
        return item;
    }

    public static ActionItem restore(Snapshot snapshot) {
        return new ActionItem(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, assignment, status, limit, List.copyOf(progress), completion,
            new SupervisionRecord(supervision.issued(), supervision.manual()), List.copyOf(history), nextSupervisionAt);
    }

    /** Progress by the lead department or a co-organiser (协办). */
    public void recordProgress(Caller caller, String note, int evidenceCount, Instant now) {
        var organisation = caller.worksFor(assignment.lead().id()) ? Optional.of(assignment.lead())
            : assignment.coOrganisers().stream().filter(o -> o.is(caller.organisationId())).findFirst();
        if (organisation.isEmpty()) {
            throw DomainException.forbidden("action-item.not-owner", "贵单位不是该任务的牵头或协办单位",
                "Your organisation neither leads nor co-organises this action item");
        }
        requireOpen();
        progress.add(new ActionItemProgress(now, caller.username(), organisation.get(), note, evidenceCount));
        pendingEvents.add(new ActionItemProgressRecorded(id, assignment.meetingId(), assignment.grievanceIds(),
            organisation.get(), note, evidenceCount, now, limit.dueAt()));
        history.add(new HistoryEntry(now, caller.username(), "ACTION_ITEM_PROGRESS", Map.of(
            "organisation", organisation.get().name(), "evidenceCount", Integer.toString(evidenceCount))));
    }

    /** Done, or explained why not (办结 / 说明), by the lead department. */
    public void complete(Caller caller, ActionItemOutcome outcome, String result, int evidenceCount, Instant now,
                         WorkingTime time) {
        if (!caller.worksFor(assignment.lead().id())) {
            throw DomainException.forbidden("action-item.not-lead", "只有牵头单位 " + assignment.lead().name()
                + " 可以办结该任务", "Only the lead organisation " + assignment.lead().id() + " may complete this item");
        }
        requireOpen();
        boolean within = !now.isAfter(limit.dueAt());
        limit = limit.stoppedAt(now);
        status = ActionItemStatus.COMPLETED;
        completion = new Completion(now, caller.username(), outcome, result, evidenceCount, within);
        pendingEvents.add(new ActionItemCompleted(id, assignment.meetingId(), assignment.grievanceIds(),
            assignment.lead(), outcome, result, evidenceCount, now));
        history.add(new HistoryEntry(now, caller.username(), "ACTION_ITEM_COMPLETED", Map.of(
            "outcome", outcome.name(), "withinLimit", Boolean.toString(within))));
        replan(time);
    }

    /** Takes the ladder's due steps for an overdue item: reminders, yellow and red cards up the hierarchy. */
    public int supervise(Instant now, Hierarchy hierarchy, WorkingTime time) {
        if (status != ActionItemStatus.OPEN) {
            return 0;
        }
        int issued = 0;
        for (SupervisionRecord.Fired fired : supervision.fire(new SupervisionRecord.Subject(null, id,
            assignment.divisionCode()), List.of(limit), hierarchy, assignment.coOrganisers(), now, time)) {
            pendingEvents.addAll(fired.events());
            Map<String, String> params = new LinkedHashMap<>();
            params.put("step", fired.step().step().name());
            params.put("dueAt", fired.step().dueAt().toString());
            if (fired.step().escalatedTo() != null) {
                params.put("escalatedTo", fired.step().escalatedTo().name());
            }
            history.add(new HistoryEntry(now, "system", fired.step().superseded() ? "REMINDER_SUPERSEDED"
                : fired.step().step().isReminder() ? "REMINDER" : "ESCALATED", params));
            issued += fired.step().superseded() ? 0 : 1;
        }
        return issued;
    }

    public void replan(WorkingTime time) {
        nextSupervisionAt = status == ActionItemStatus.OPEN ? supervision.nextDue(List.of(limit), time).orElse(null) : null;
    }

    private void requireOpen() {
        if (status != ActionItemStatus.OPEN) {
            throw DomainException.conflict("action-item.completed", "该任务已于 " + completion.at() + " 办结",
                "This action item was completed at " + completion.at());
        }
    }

    public String id() {
        return id;
    }

    public Assignment assignment() {
        return assignment;
    }

    public ActionItemStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status == ActionItemStatus.OPEN;
    }

    public Limit limit() {
        return limit;
    }

    public List<ActionItemProgress> progress() {
        return List.copyOf(progress);
    }

    public Optional<Completion> completion() {
        return Optional.ofNullable(completion);
    }

    public SupervisionRecord supervision() {
        return supervision;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public Optional<Instant> nextSupervisionAt() {
        return Optional.ofNullable(nextSupervisionAt);
    }

    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
