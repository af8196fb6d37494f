package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;

/**
 * A case needs a joint review (联席会商) of several departments: by its category or facts, because it belongs to a
 * cluster, or because an officer said so. Published as {@code cn.huiyin.triage.JointReviewRequested.v1} for the
 * joint-meeting service.
 *
 * <p>{@code parties} are everyone the joint review should bring to the table: lead, co-handlers and the invited (the
 * street of the place, the property manager of a mall, the platforms whose workers are affected).
 */
public record JointReviewRequested(String grievanceId, Instant requestedAt, List<RuleRef> reasons, String category,
                                   String categoryName, Urgency urgency, String divisionCode,
                                   OrganisationRef leadOrganisation, List<OrganisationRef> coHandlers,
                                   List<JointReviewParty> parties, List<Cluster> clusters) {

    /**
     * A cluster the case belongs to and its members.
     *
     * @param workerCount the distinct workers among the members (what the cluster threshold counts)
     */
    public record Cluster(String clusterId, ClusterKind kind, String label, List<String> memberIds, int workerCount) {
    }
}
