package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.followup.domain.actionitem.ActionItem;
import cn.huiyin.followup.domain.actionitem.ActionItemProgress;
import cn.huiyin.followup.domain.actionitem.ActionItemStatus;
import cn.huiyin.followup.domain.actionitem.Assignment;
import cn.huiyin.followup.domain.actionitem.Completion;
import cn.huiyin.followup.domain.casefile.HistoryEntry;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.supervision.IssuedStep;
import cn.huiyin.followup.domain.supervision.ManualSupervision;
import cn.huiyin.followup.domain.supervision.SupervisionRecord;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** An action item as stored, keyed by action item id, with its outbox and the flat fields its queries use. */
@Document("action_items")
class ActionItemDocument extends AggregateDocument {

    private Assignment assignment;
    private ActionItemStatus status;
    private Limit limit;
    private List<ActionItemProgress> progress;
    private Completion completion;
    private List<IssuedStep> issuedSteps;
    private List<ManualSupervision> manualSupervisions;
    private List<HistoryEntry> history;

    private Instant nextDueAt;
    private List<String> organisationIds;
    private List<String> grievanceIds;
    private boolean open;
    private Instant dueAt;

    ActionItemDocument() {
    }

    static ActionItemDocument from(ActionItem item, long version) {
        ActionItem.Snapshot s = item.snapshot();
        ActionItemDocument d = new ActionItemDocument();
        d.setId(s.id());
        d.setVersion(version);
        d.assignment = s.assignment();
        d.status = s.status();
        d.limit = s.limit();
        d.progress = s.progress();
        d.completion = s.completion();
        d.issuedSteps = s.supervision().issued();
        d.manualSupervisions = s.supervision().manual();
        d.history = s.history();
        d.nextDueAt = s.nextSupervisionAt();
        d.organisationIds = new ArrayList<>();
        d.organisationIds.add(s.assignment().lead().id());
        s.assignment().coOrganisers().forEach(o -> d.organisationIds.add(o.id()));
        d.grievanceIds = s.assignment().grievanceIds();
        d.open = item.isOpen();
        d.dueAt = s.limit().dueAt();
        return d;
    }

    ActionItem toDomain() {
        return ActionItem.restore(new ActionItem.Snapshot(getId(), assignment, status, limit, progress, completion,
            new SupervisionRecord(issuedSteps, manualSupervisions), history, nextDueAt));
    }
}
