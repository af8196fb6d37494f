package cn.huiyin.triage.application;

import java.time.Instant;
import java.util.Optional;

import cn.huiyin.triage.domain.TriageCase;

/** What intake tells triage after submission: a withdrawal stops work, a supplement goes into the history. */
public class IntakeUpdates {

    private final TriageCases cases;
    private final CaseChanges changes;

    public IntakeUpdates(TriageCases cases, Inboxes inboxes) {
        this.cases = cases;
        this.changes = new CaseChanges(cases, inboxes);
    }

    /** The worker withdrew the grievance (撤回): the case closes and leaves every inbox. Unknown grievances are ignored. */
    public void withdrawn(String grievanceId, Instant at, String by, String reason) {
        Optional<TriageCase> found = cases.find(grievanceId);
        if (found.isEmpty()) {
            return;
        }
        TriageCase triageCase = found.get();
        if (triageCase.withdraw(at, by, reason)) {
            changes.save(triageCase);
        } else {
            changes.syncInboxes(triageCase);
        }
    }

    /** Information was added (补充材料); recorded in the case history. Unknown grievances are ignored. */
    public void supplemented(String grievanceId, Instant at, String by, String text, int evidenceCount) {
        Optional<TriageCase> found = cases.find(grievanceId);
        if (found.isEmpty()) {
            return;
        }
        TriageCase triageCase = found.get();
        if (triageCase.supplement(at, by, text, evidenceCount)) {
            changes.save(triageCase);
        } else {
            changes.syncInboxes(triageCase);
        }
    }
}
