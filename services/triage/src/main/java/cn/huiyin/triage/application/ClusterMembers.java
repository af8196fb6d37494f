package cn.huiyin.triage.application;

import java.time.Instant;

import cn.huiyin.triage.domain.ClusterMembership;
import cn.huiyin.triage.domain.TriageCase;

/**
 * A grievance filed before its cluster reached the threshold learns that it is a member (triage's own
 * {@code GrievanceClustered}, keyed by the member): its case shows the cluster, asks for the joint review and moves
 * onto the joint-review deadlines. One case, one write; hearing it twice changes nothing.
 */
public class ClusterMembers {

    private final TriageCases cases;
    private final CaseChanges changes;
    private final TriagePolicy policy;

    public ClusterMembers(TriageCases cases, Inboxes inboxes, TriagePolicy policy) {
        this.cases = cases;
        this.changes = new CaseChanges(cases, inboxes);
        this.policy = policy;
    }

    /**
     * @throws MemberNotYetTriaged if the member's own case is not stored yet (it is being triaged at this moment on
     *                             another partition); the event is retried
     */
    public void joined(String grievanceId, ClusterMembership cluster, String formedBy, Instant at) {
        TriageCase member = cases.find(grievanceId).orElseThrow(() -> new MemberNotYetTriaged(grievanceId));
        if (member.joinCluster(cluster, formedBy, policy.deadlinesInCluster(member), at)) {
            changes.save(member);
        }
    }

    /** The member's case is not there yet: a passing state, worth a retry, not a poison event. */
    public static final class MemberNotYetTriaged extends RuntimeException {
        MemberNotYetTriaged(String grievanceId) {
            super("Cluster member " + grievanceId + " has no triage case yet");
        }
    }
}
