package cn.huiyin.triage.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The data-driven rules of classification (rules file {@code classification.json}): weighted keywords and phrases per
 * category, the urgency rules and the joint-review rules. Data, so that a city can tune them without a release.
 *
 * @param confidentAtScore   a category whose matched weights add up to this much is recognised with full confidence
 *                           (if no other category competes)
 * @param confirmBelow       categories recognised with less confidence are shown to a triage officer to confirm
 * @param categories         per category code, keyword or phrase → weight
 * @param manyWorkers        what counts as "many workers affected"
 * @param urgency            urgency rules; the most pressing match wins, every match is recorded
 * @param jointReview        rules that call for a joint review (联席会商)
 */
public record ClassificationRules(double confidentAtScore, double confirmBelow, Map<String, Map<String, Integer>> categories,
                                  ManyWorkers manyWorkers, List<FlagRule> urgency, List<FlagRule> jointReview) {

    public ClassificationRules {
        Objects.requireNonNull(manyWorkers, "manyWorkers");
        categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
        urgency = urgency == null ? List.of() : List.copyOf(urgency);
        jointReview = jointReview == null ? List.of() : List.copyOf(jointReview);
        if (confidentAtScore <= 0) {
            throw new IllegalArgumentException("confidentAtScore must be positive");
        }
    }

    /**
     * @param threshold this many workers or more are "many"
     * @param terms     words that mean many without a number (集体, 全体骑手, ...)
     */
    public record ManyWorkers(int threshold, List<String> terms) {
        public ManyWorkers {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }
    }

    /**
     * A rule that raises urgency or calls for a joint review. Every condition given must hold; conditions left out
     * do not matter. At least one must be given.
     *
     * @param urgency                  for urgency rules: the urgency it sets
     * @param anyTerms                 the description contains at least one of these
     * @param categories               the grievance is of one of these categories
     * @param manyWorkers              many workers are affected
     * @param daysBeforeSpringFestival filed within this many days before (or during) the Spring Festival holiday
     */
    public record FlagRule(String id, Urgency urgency, List<String> anyTerms, Set<String> categories,
                           Boolean manyWorkers, Integer daysBeforeSpringFestival, String descriptionZh,
                           String descriptionEn) {
        public FlagRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(descriptionZh, "descriptionZh of " + id);
            Objects.requireNonNull(descriptionEn, "descriptionEn of " + id);
            anyTerms = anyTerms == null ? List.of() : List.copyOf(anyTerms);
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            if (anyTerms.isEmpty() && categories.isEmpty() && manyWorkers == null && daysBeforeSpringFestival == null) {
                throw new IllegalArgumentException("Rule " + id + " has no condition");
            }
        }

        public RuleRef ref() {
            return new RuleRef(id, descriptionZh, descriptionEn);
        }
    }
}
