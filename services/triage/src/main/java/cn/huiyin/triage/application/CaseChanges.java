package cn.huiyin.triage.application;

import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.triage.domain.InboxEntry;
import cn.huiyin.triage.domain.TriageCase;

/**
 * Loads a case, applies a change, stores it with its events and brings the inboxes up to date. The inbox is written
 * right after the case; should the process die in between, the inbox catches up with the case's next change.
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
        Set<String> before = organisations(triageCase);
        change.accept(triageCase);
        save(triageCase, before);
        return triageCase;
    }

    void save(TriageCase triageCase, Set<String> inboxesBefore) {
        cases.update(triageCase);
        inboxes.sync(triageCase.id(), inboxesBefore, triageCase.inboxEntries());
    }

    static Set<String> organisations(TriageCase triageCase) {
        return triageCase.inboxEntries().stream().map(InboxEntry::organisationId).collect(Collectors.toSet());
    }
}
