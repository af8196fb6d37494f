package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;

/**
 * A case's place in a cluster (诉求集群): several grievances of one category against one enterprise or in one street
 * within the cluster window. A cluster requests a joint review (联席会商).
 *
 * @param clusterKey  the key the cluster is kept under, e.g. {@code PLACE|PARKING_ACCESS|510112002}
 * @param label       what the members share, for people: "大面街道 · 停车难、进门难"
 * @param memberIds   every member known when this case joined, this case included
 * @param formedHere  this case brought the cluster to the threshold
 */
public record ClusterMembership(String clusterId, ClusterKind kind, String clusterKey, String label,
                                List<String> memberIds, boolean formedHere, RuleRef reason) {

    public ClusterMembership {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        memberIds = List.copyOf(memberIds);
    }
}
