package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.actionitem.ActionItem;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.Remedy;
import cn.huiyin.followup.domain.casefile.ResolutionKind;
import cn.huiyin.platform.kernel.access.Caller;

/** 办结: the lead resolves a case, with the remedy — not while a joint meeting's action item for it is open. */
public class ResolveCases {

    private final CaseChanges changes;
    private final ActionItems actionItems;
    private final Clock clock;

    public ResolveCases(CaseChanges changes, ActionItems actionItems, Clock clock) {
        this.changes = changes;
        this.actionItems = actionItems;
        this.clock = clock;
    }

    public CaseFile resolve(Caller caller, String grievanceId, ResolutionKind kind, String explanation, Remedy remedy) {
        Instant now = HandleCases.now(clock);
        List<String> open = actionItems.openFor(grievanceId).stream().map(ActionItem::id).sorted().toList();
        return changes.change(grievanceId, c -> c.resolve(caller, kind, explanation, remedy, open, now,
            changes.time()));
    }
}
