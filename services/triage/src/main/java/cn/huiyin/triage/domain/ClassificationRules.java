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
 * @param termLists          named lists of words and phrases that rules share: a rule's {@code anyTerms} may name one
 *                           as {@code @name} ("@plainDanger"), so that a word added to the list counts for every rule
 *                           using it
 * @param urgency            urgency rules; the most pressing match wins, every match is recorded
 * @param jointReview        rules that call for a joint review (联席会商)
 */
public record ClassificationRules(double confidentAtScore, double confirmBelow, Map<String, Map<String, Integer>> categories,
                                  ManyWorkers manyWorkers, Map<String, List<String>> termLists, List<FlagRule> urgency,
                                  List<FlagRule> jointReview) {

    /** Marks a reference to one of the {@link #termLists()} in a rule's terms. */
    public static final String LIST = "@";

    public ClassificationRules {
        Objects.requireNonNull(manyWorkers, "manyWorkers");
        Map<String, Map<String, Integer>> keywords = new LinkedHashMap<>();
        if (categories != null) {
            categories.forEach((category, terms) -> {
                Map<String, Integer> normalised = new LinkedHashMap<>();
                terms.forEach((term, weight) -> normalised.put(Phrase.normalise(term), weight));
                keywords.put(category, normalised);
            });
        }
        categories = keywords;
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (termLists != null) {
            termLists.forEach((name, terms) -> lists.put(name, terms == null ? List.of()
                : terms.stream().map(Phrase::normalise).toList()));
        }
        termLists = lists;
        urgency = urgency == null ? List.of() : List.copyOf(urgency);
        jointReview = jointReview == null ? List.of() : List.copyOf(jointReview);
        if (confidentAtScore <= 0) {
            throw new IllegalArgumentException("confidentAtScore must be positive");
        }
    }

    /** A rule's terms with every {@code @list} replaced by the list's terms; throws naming an unknown list. */
    public List<String> expand(FlagRule rule) {
        return expand(rule, rule.anyTerms());
    }

    /** A rule's except-phrases with every {@code @list} replaced by the list's terms. */
    public List<String> expandExceptions(FlagRule rule) {
        return expand(rule, rule.exceptPhrases());
    }

    private List<String> expand(FlagRule rule, List<String> written) {
        List<String> terms = new java.util.ArrayList<>();
        for (String term : written) {
            if (term.startsWith(LIST)) {
                List<String> list = termLists.get(term.substring(LIST.length()));
                if (list == null) {
                    throw new IllegalArgumentException("Rule " + rule.id() + " names an unknown term list " + term
                        + " (known: " + termLists.keySet() + ")");
                }
                terms.addAll(list);
            } else {
                terms.add(term);
            }
        }
        return List.copyOf(terms);
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
     * @param anyTerms                 the description contains at least one of these words or phrases ("差点…摔"
     *                                 for 差点 followed closely by 摔; "@plainDanger" for a term list)
     * @param exceptPhrases            phrases that do not count for this rule: taken out of the description before
     *                                 its terms are looked for ("没有受伤", "工伤保险")
     * @param categories               the grievance is of one of these categories
     * @param scopes                   the grievance's category is of one of these scopes (PLACE, INDUSTRY)
     * @param manyWorkers              many workers are affected
     * @param daysBeforeSpringFestival filed within this many days before (or during) the Spring Festival holiday
     */
    public record FlagRule(String id, Urgency urgency, List<String> anyTerms, List<String> exceptPhrases,
                           Set<String> categories, Set<CategoryScope> scopes, Boolean manyWorkers,
                           Integer daysBeforeSpringFestival, String descriptionZh, String descriptionEn) {
        public FlagRule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(descriptionZh, "descriptionZh of " + id);
            Objects.requireNonNull(descriptionEn, "descriptionEn of " + id);
            anyTerms = anyTerms == null ? List.of() : anyTerms.stream().map(Phrase::normalise).toList();
            exceptPhrases = exceptPhrases == null ? List.of() : exceptPhrases.stream().map(Phrase::normalise).toList();
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
            if (anyTerms.isEmpty() && categories.isEmpty() && scopes.isEmpty() && manyWorkers == null
                && daysBeforeSpringFestival == null) {
                throw new IllegalArgumentException("Rule " + id + " has no condition");
            }
        }

        public RuleRef ref() {
            return new RuleRef(id, descriptionZh, descriptionEn);
        }
    }
}
