package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The routing rules (rules file {@code routing.json}): lead rules over category × worker group × scope, first match
 * wins; and co-handling rules, every match adds its departments (人社 for wages and injury insurance, 司法 for legal
 * aid, ...).
 *
 * @param unlistedEnterpriseCompetences the matters an employer or platform answers for itself when it is not in the
 *                                      registry (pay, penalties, accounts, insurance): only these form an enterprise
 *                                      cluster against it
 */
public record RoutingRules(List<LeadRule> lead, List<CoHandlingRule> coHandling,
                           List<CoHandlingRule> jointReviewParties, Set<String> unlistedEnterpriseCompetences) {

    /** Stands for the worker's enterprise party organisation in a co-handling rule. */
    public static final String ENTERPRISE = "@ENTERPRISE";
    /** Stands for the community (社区) of the place in a co-handling rule. */
    public static final String COMMUNITY = "@COMMUNITY";
    /** Stands for the street (街道) of the place. */
    public static final String STREET = "@STREET";
    /** Stands for the property managers and operators of the places the grievance names (物业、商场园区运营方). */
    public static final String PLACE_MANAGER = "@PLACE_MANAGER";
    /**
     * In a joint-review party rule: the platforms whose workers are affected, i.e. the worker's enterprise and, for a
     * cluster, those its members named (never a confidential worker's).
     */
    public static final String AFFECTED_ENTERPRISES = "@AFFECTED_ENTERPRISES";

    /** The stand-ins a rule may use. */
    public static final Set<String> TOKENS = Set.of(ENTERPRISE, COMMUNITY, STREET, PLACE_MANAGER, AFFECTED_ENTERPRISES);

    public RoutingRules {
        lead = List.copyOf(lead);
        coHandling = coHandling == null ? List.of() : List.copyOf(coHandling);
        jointReviewParties = jointReviewParties == null ? List.of() : List.copyOf(jointReviewParties);
        unlistedEnterpriseCompetences = unlistedEnterpriseCompetences == null ? Set.of()
            : Set.copyOf(unlistedEnterpriseCompetences);
        if (lead.isEmpty()) {
            throw new IllegalArgumentException("Routing needs at least one lead rule");
        }
    }

    /**
     * Conditions shared by every kind of rule; an empty set matches anything.
     *
     * @param channels the channel the grievance came in by (HOTLINE_12328, ...)
     */
    public record When(Set<String> categories, Set<CategoryScope> scopes, Set<String> workerGroups,
                       Set<String> channels) {
        public When {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
            workerGroups = workerGroups == null ? Set.of() : Set.copyOf(workerGroups);
            channels = channels == null ? Set.of() : Set.copyOf(channels);
        }

        boolean matches(CategoryInfo category, String workerGroup, String channel) {
            return (categories.isEmpty() || categories.contains(category.code()))
                && (scopes.isEmpty() || scopes.contains(category.scope()))
                && (workerGroups.isEmpty() || workerGroups.contains(workerGroup))
                && (channels.isEmpty() || channels.contains(channel));
        }

        /** Whether it holds whatever the worker group and channel. */
        boolean anyWorkerAnyChannel() {
            return workerGroups.isEmpty() && channels.isEmpty();
        }
    }

    /** @param organisationId for {@link LeadTarget#ORGANISATION} only */
    public record LeadRule(String id, When when, LeadTarget lead, String organisationId, String descriptionZh,
                           String descriptionEn) {
        public LeadRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(lead, "lead of " + id);
            Objects.requireNonNull(descriptionZh, "descriptionZh of " + id);
            Objects.requireNonNull(descriptionEn, "descriptionEn of " + id);
            when = when == null ? new When(null, null, null, null) : when;
            if (lead == LeadTarget.ORGANISATION && organisationId == null) {
                throw new IllegalArgumentException("Rule " + id + " leads to an organisation but names none");
            }
        }
    }

    /**
     * A rule attaching organisations: co-handlers (协办), or parties invited to a joint review.
     *
     * @param organisations ids, or one of the {@link #TOKENS}
     */
    public record CoHandlingRule(String id, When when, List<String> organisations, String descriptionZh,
                                 String descriptionEn) {
        public CoHandlingRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(descriptionZh, "descriptionZh of " + id);
            Objects.requireNonNull(descriptionEn, "descriptionEn of " + id);
            when = when == null ? new When(null, null, null, null) : when;
            organisations = List.copyOf(organisations);
        }

        public RuleRef ref() {
            return new RuleRef(id, descriptionZh, descriptionEn);
        }
    }
}
