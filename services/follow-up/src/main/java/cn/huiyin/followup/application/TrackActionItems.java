package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.actionitem.ActionItem;
import cn.huiyin.followup.domain.actionitem.ActionItemOutcome;
import cn.huiyin.followup.domain.actionitem.Assignment;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * Joint meetings' action items, tracked like cases: assigned by joint-meeting, progress and completion by the lead
 * department, the supervision ladder when overdue.
 */
public class TrackActionItems {

    private static final int ATTEMPTS = 5;

    /** What a supervision scan did to action items. */
    public record Supervised(int visited, int stepsIssued) {
    }

    private final ActionItems items;
    private final Organisations organisations;
    private final WorkingTime time;
    private final Clock clock;

    public TrackActionItems(ActionItems items, Organisations organisations, WorkingTime time, Clock clock) {
        this.items = items;
        this.organisations = organisations;
        this.time = time;
        this.clock = clock;
    }

    /** Joint-meeting assigned an item; a repeated assignment changes nothing. */
    public void assigned(String actionItemId, Assignment assignment) {
        items.addIfAbsent(ActionItem.assigned(actionItemId, assignment, time));
    }

    public ActionItem recordProgress(Caller caller, String actionItemId, String note, int evidenceCount) {
        Instant now = HandleCases.now(clock);
        return change(actionItemId, item -> item.recordProgress(caller, note, evidenceCount, now));
    }

    public ActionItem complete(Caller caller, String actionItemId, ActionItemOutcome outcome, String result,
                               int evidenceCount) {
        Instant now = HandleCases.now(clock);
        return change(actionItemId, item -> item.complete(caller, outcome, result, evidenceCount, now, time));
    }

    public ActionItem find(Caller caller, String actionItemId) {
        ActionItem item = load(actionItemId);
        Hierarchy hierarchy = hierarchyOf(item);
        boolean owner = caller.worksFor(item.assignment().lead().id())
            || item.assignment().coOrganisers().stream().anyMatch(o -> o.is(caller.organisationId()));
        boolean supervises = caller.has(Roles.SUPERVISOR) && caller.covers(item.assignment().divisionCode());
        if (!owner && !supervises && !hierarchy.isAbove(caller.organisationId()) && !caller.has(Roles.SERVICE)) {
            throw CaseReach.outside();
        }
        return item;
    }

    /** The caller's organisation's items, open ones first. */
    public Page<ActionItem> mine(Caller caller, int page, int size) {
        return caller.organisationId() == null ? Page.empty(page, size)
            : items.ofOrganisation(caller.organisationId(), page, size);
    }

    Supervised supervise(Instant now) {
        int visited = 0;
        int steps = 0;
        Set<String> seen = new HashSet<>();
        List<DueCheck> due = items.dueForSupervision(now, SuperviseDeadlines.BATCH);
        while (!due.isEmpty()) {
            for (DueCheck check : due) {
                if (seen.add(check.id())) {
                    steps += supervise(check, now);
                    visited++;
                }
            }
            List<DueCheck> next = items.dueForSupervision(now, SuperviseDeadlines.BATCH);
            due = next.stream().anyMatch(check -> !seen.contains(check.id())) ? next : List.of();
        }
        return new Supervised(visited, steps);
    }

    private int supervise(DueCheck check, Instant now) {
        for (int attempt = 1; ; attempt++) {
            var found = items.find(check.id());
            if (found.isEmpty()) {
                items.forget(check);
                return 0;
            }
            ActionItem item = found.get();
            int count = item.supervise(now, hierarchyOf(item), time);
            item.replan(time);
            try {
                items.updateSupervised(item, check);
                return count;
            } catch (ConcurrentChange e) {
                if (attempt == ATTEMPTS) {
                    return 0; // left to whoever keeps changing it and to the next scan, as for case files
                }
            }
        }
    }

    private Hierarchy hierarchyOf(ActionItem item) {
        return organisations.hierarchyOf(item.assignment().lead(), List.of());
    }

    private ActionItem load(String actionItemId) {
        return items.find(actionItemId).orElseThrow(() -> DomainException.notFound("action-item.unknown",
            "没有编号为 " + actionItemId + " 的联席会议任务", "No action item " + actionItemId));
    }

    private ActionItem change(String actionItemId, Consumer<ActionItem> change) {
        ActionItem[] changed = new ActionItem[1];
        changeCounting(actionItemId, item -> {
            change.accept(item);
            changed[0] = item;
            return 0;
        });
        return changed[0];
    }

    private int changeCounting(String actionItemId, ToIntFunction<ActionItem> change) {
        for (int attempt = 1; ; attempt++) {
            ActionItem item = load(actionItemId);
            int count = change.applyAsInt(item);
            item.replan(time);
            try {
                items.update(item);
                return count;
            } catch (ConcurrentChange e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
