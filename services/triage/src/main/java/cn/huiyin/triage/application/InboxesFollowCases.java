package cn.huiyin.triage.application;

/**
 * Triage follows its own case events to keep the organisation inboxes right: after every change of a case, whatever
 * happened to the process that made it, the case's entries are derived afresh from the stored case. The inbox is
 * also written right after each change (so a handler sees its inbox at once); this is the reconciliation that heals
 * a write lost to a crash between the two.
 */
public class InboxesFollowCases {

    private final TriageCases cases;
    private final Inboxes inboxes;

    public InboxesFollowCases(TriageCases cases, Inboxes inboxes) {
        this.cases = cases;
        this.inboxes = inboxes;
    }

    public void caseChanged(String grievanceId) {
        cases.find(grievanceId).ifPresent(stored ->
            inboxes.sync(stored.id(), stored.organisationsEverInvolved(), stored.inboxEntries()));
    }
}
