package cn.huiyin.triage.application;

import java.util.function.Consumer;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.messaging.inbound.EventAlreadyApplied;
import cn.huiyin.triage.domain.TriageCase;

/**
 * Loads a case, applies a change, stores it with its events and brings the inboxes up to date. The inbox is derived
 * afresh from the stored case each time (entries of every organisation the case ever involved are rewritten or
 * removed), so a sync that failed or never ran — the process died between the two writes — is repaired by the next
 * one: the retried event, the case's next change, or triage following its own events ({@code InboxesFollowCases}).
 */
class CaseChanges {

    private final TriageCases cases;
    private final Inboxes inboxes;

    CaseChanges(TriageCases cases, Inboxes inboxes) {
        this.cases = cases;
        this.inboxes = inboxes;
    }

    TriageCase load(String grievanceId) {
        return cases.find(grievanceId).orElseThrow(() -> DomainException.notFound("case.unknown",
            "分拨中没有编号为 " + grievanceId + " 的诉求", "Triage has no grievance " + grievanceId));
    }

    TriageCase change(TriageCase triageCase, Consumer<TriageCase> change) {
        change.accept(triageCase);
        save(triageCase);
        return triageCase;
    }

    void save(TriageCase triageCase) {
        try {
            cases.update(triageCase);
        } catch (EventAlreadyApplied replayed) {
            // Applied before, perhaps by a process that died before it wrote the inboxes: derive them again.
            cases.find(triageCase.id()).ifPresent(this::syncInboxes);
            throw replayed;
        }
        syncInboxes(triageCase);
    }

    void syncInboxes(TriageCase triageCase) {
        inboxes.sync(triageCase.id(), triageCase.organisationsEverInvolved(), triageCase.inboxEntries());
    }
}
