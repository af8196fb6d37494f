package cn.huiyin.triage.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import cn.huiyin.platform.calendar.ChinaCalendar;

/**
 * Classifies a grievance (分类定级): the filer's category if given, otherwise the category whose keywords weigh most
 * in the description, with a confidence; then urgency and the joint-review flag from the rules.
 */
public final class Classifier {

    private final ClassificationRules rules;
    private final Categories categories;
    private final SpringFestival springFestival;

    public Classifier(ClassificationRules rules, Categories categories, SpringFestival springFestival) {
        this.rules = rules;
        this.categories = categories;
        this.springFestival = springFestival;
        rules.categories().keySet().forEach(categories::require);
        rules.urgency().forEach(rule -> {
            if (rule.urgency() == null) {
                throw new IllegalArgumentException("Urgency rule " + rule.id() + " sets no urgency");
            }
            rule.categories().forEach(categories::require);
        });
        rules.jointReview().forEach(rule -> rule.categories().forEach(categories::require));
    }

    public ClassificationRules rules() {
        return rules;
    }

    public Classification classify(ReceivedGrievance grievance) {
        String text = grievance.description() == null ? "" : grievance.description();
        String category;
        CategorySource source;
        double confidence;
        List<String> matched;
        if (grievance.category() != null && categories.contains(grievance.category())) {
            category = grievance.category();
            source = CategorySource.FILER;
            confidence = 1.0;
            matched = List.of();
        } else {
            Recognised recognised = recognise(text);
            category = recognised.category();
            source = CategorySource.RULES;
            confidence = recognised.confidence();
            matched = recognised.terms();
        }
        return flag(grievance, category, source, confidence, matched);
    }

    /** Urgency and joint review for a category an officer has set; the description is read again. */
    public Classification reassess(ReceivedGrievance grievance, String category, CategorySource source) {
        return flag(grievance, category, source, 1.0, List.of());
    }

    private Classification flag(ReceivedGrievance grievance, String category, CategorySource source, double confidence,
                                List<String> matched) {
        String text = grievance.description() == null ? "" : grievance.description();
        OptionalInt count = WorkersAffected.in(text);
        boolean many = count.orElse(0) >= rules.manyWorkers().threshold()
            || rules.manyWorkers().terms().stream().anyMatch(text::contains);
        LocalDate filedOn = LocalDate.ofInstant(grievance.submittedAt(), ChinaCalendar.ZONE);
        Facts facts = new Facts(text, category, many, filedOn);

        Urgency urgency = Urgency.NORMAL;
        List<RuleRef> urgencyReasons = new ArrayList<>();
        for (ClassificationRules.FlagRule rule : rules.urgency()) {
            if (matches(rule, facts)) {
                urgencyReasons.add(rule.ref());
                if (rule.urgency().outranks(urgency)) {
                    urgency = rule.urgency();
                }
            }
        }
        List<RuleRef> jointReviewReasons = rules.jointReview().stream().filter(rule -> matches(rule, facts))
            .map(ClassificationRules.FlagRule::ref).toList();
        return new Classification(category, categories.require(category).nameZh(), source, confidence, matched, urgency, urgencyReasons,
            !jointReviewReasons.isEmpty(), jointReviewReasons, count.isPresent() ? count.getAsInt() : null);
    }

    private record Facts(String text, String category, boolean manyWorkers, LocalDate filedOn) {
    }

    private boolean matches(ClassificationRules.FlagRule rule, Facts facts) {
        if (!rule.anyTerms().isEmpty() && rule.anyTerms().stream().noneMatch(facts.text()::contains)) {
            return false;
        }
        if (!rule.categories().isEmpty() && !rule.categories().contains(facts.category())) {
            return false;
        }
        if (rule.manyWorkers() != null && rule.manyWorkers() != facts.manyWorkers()) {
            return false;
        }
        return rule.daysBeforeSpringFestival() == null
            || springFestival.isWithin(facts.filedOn(), rule.daysBeforeSpringFestival());
    }

    record Recognised(String category, double confidence, List<String> terms) {
    }

    /**
     * The category whose keywords weigh most. Confidence is the winner's share of the two best scores, scaled down
     * when even the winner found little ({@code confidentAtScore}).
     */
    Recognised recognise(String text) {
        String best = null;
        int bestScore = 0;
        int secondScore = 0;
        List<String> bestTerms = List.of();
        for (Map.Entry<String, Map<String, Integer>> category : rules.categories().entrySet()) {
            int score = 0;
            List<String> terms = new ArrayList<>();
            for (Map.Entry<String, Integer> term : category.getValue().entrySet()) {
                if (text.contains(term.getKey())) {
                    score += term.getValue();
                    terms.add(term.getKey());
                }
            }
            if (score > bestScore) {
                secondScore = bestScore;
                bestScore = score;
                best = category.getKey();
                bestTerms = terms;
            } else if (score > secondScore) {
                secondScore = score;
            }
        }
        if (best == null) {
            return new Recognised(Categories.OTHER, 0.0, List.of());
        }
        double share = (double) bestScore / (bestScore + secondScore);
        double strength = Math.min(1.0, bestScore / rules.confidentAtScore());
        return new Recognised(best, Math.round(share * strength * 100) / 100.0, bestTerms);
    }
}
