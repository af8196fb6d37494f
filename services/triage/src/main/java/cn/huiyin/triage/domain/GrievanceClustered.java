package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;

/**
 * A grievance filed before its cluster (诉求集群) reached the threshold turned out to be a member of it. Raised by the
 * grievance that brought the cluster to the threshold, once for every other member, and keyed by the member, so that
 * the member's own case records the cluster, asks for the joint review and moves onto the joint-review deadlines.
 * Published as {@code cn.huiyin.triage.GrievanceClustered.v1}.
 *
 * @param grievanceId the member this is about
 * @param formedBy    the grievance that brought the cluster to the threshold
 */
public record GrievanceClustered(String grievanceId, Instant clusteredAt, String clusterId, ClusterKind kind,
                                 String clusterKey, String label, List<String> memberIds, int workerCount,
                                 String formedBy, RuleRef reason, List<OrganisationRef> parties) {

    /** The membership as the member's own case keeps it. */
    public ClusterMembership membership() {
        return new ClusterMembership(clusterId, kind, clusterKey, label, memberIds, workerCount, false, reason, parties);
    }

    static GrievanceClustered of(String member, ClusterMembership cluster, String formedBy, Instant at) {
        return new GrievanceClustered(member, at, cluster.clusterId(), cluster.kind(), cluster.clusterKey(),
            cluster.label(), cluster.memberIds(), cluster.workerCount(), formedBy, cluster.reason(), cluster.parties());
    }
}
