package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;

/**
 * A case's place in a cluster (诉求集群): grievances of one category from several workers against one enterprise, or
 * in one street, within the cluster window. A cluster requests a joint review (联席会商).
 *
 * @param clusterKey   the key the cluster is kept under, e.g. {@code PLACE|PARKING_ACCESS|510112002}
 * @param label        what the members share, for people: "大面街道 · 停车难、进门难"
 * @param memberIds    every member known when this case joined, this case included
 * @param workerCount  how many distinct workers filed those members: what the threshold counts (repeated calls of one
 *                     worker strengthen nothing)
 * @param formedHere   this case brought the cluster to the threshold
 * @param parties      organisations the members' grievances involve beyond the routing of any one of them: the
 *                     registry enterprises their workers named (never a confidential worker's) and the property
 *                     managers or operators of the places they named, for the joint review's invitations
 */
public record ClusterMembership(String clusterId, ClusterKind kind, String clusterKey, String label,
                                List<String> memberIds, int workerCount, boolean formedHere, RuleRef reason,
                                List<OrganisationRef> parties) {

    public ClusterMembership {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        memberIds = List.copyOf(memberIds);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
