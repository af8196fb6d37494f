package cn.huiyin.triage.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import cn.huiyin.platform.calendar.ChinaCalendar;

/**
 * Classifies a grievance (分类定级): the filer's category if given, otherwise the category whose keywords weigh most
 * in the description, with a confidence; then urgency and the joint-review flag from the rules.
 */
public final class Classifier {

    private final ClassificationRules rules;
    private final Categories categories;
    private final SpringFestival springFestival;
    /** Each flag rule's terms and except-phrases with the term lists it names spelt out. */
    private final Map<String, List<String>> terms = new HashMap<>();
    private final Map<String, List<String>> exceptions = new HashMap<>();

    /** @throws IllegalArgumentException naming every mistake in the rules at once */
    public Classifier(ClassificationRules rules, Categories categories, SpringFestival springFestival) {
        this.rules = rules;
        this.categories = categories;
        this.springFestival = springFestival;
        List<String> problems = new ArrayList<>();
        rules.categories().forEach((category, keywords) -> {
            if (!categories.contains(category)) {
                problems.add("categories: unknown category " + category);
            }
            keywords.keySet().stream().filter(term -> !Phrase.isWellFormed(term))
                .forEach(term -> problems.add("categories." + category + ": malformed term '" + term + "'"));
        });
        rules.termLists().forEach((name, list) -> list.stream().filter(term -> !Phrase.isWellFormed(term))
            .forEach(term -> problems.add("termLists." + name + ": malformed term '" + term + "'")));
        List<ClassificationRules.FlagRule> flagRules = new ArrayList<>(rules.urgency());
        flagRules.addAll(rules.jointReview());
        Set<String> ids = new HashSet<>();
        for (ClassificationRules.FlagRule rule : flagRules) {
            if (!ids.add(rule.id())) {
                problems.add("rule " + rule.id() + " is listed twice");
            }
            rule.categories().stream().filter(code -> !categories.contains(code)).sorted()
                .forEach(code -> problems.add("rule " + rule.id() + ": unknown category " + code));
            try {
                List<String> expanded = rules.expand(rule);
                expanded.stream().filter(term -> !Phrase.isWellFormed(term))
                    .forEach(term -> problems.add("rule " + rule.id() + ": malformed term '" + term + "'"));
                terms.put(rule.id(), expanded);
                exceptions.put(rule.id(), rules.expandExceptions(rule));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        rules.urgency().stream().filter(rule -> rule.urgency() == null)
            .forEach(rule -> problems.add("urgency rule " + rule.id() + " sets no urgency"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
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
            Optional<RuleRef> match = match(rule, facts);
            if (match.isPresent()) {
                urgencyReasons.add(match.get());
                if (rule.urgency().outranks(urgency)) {
                    urgency = rule.urgency();
                }
            }
        }
        List<RuleRef> jointReviewReasons = rules.jointReview().stream().map(rule -> match(rule, facts))
            .flatMap(Optional::stream).toList();
        return new Classification(category, categories.require(category).nameZh(), source, confidence, matched, urgency, urgencyReasons,
            !jointReviewReasons.isEmpty(), jointReviewReasons, count.isPresent() ? count.getAsInt() : null);
    }

    private record Facts(String text, String category, boolean manyWorkers, LocalDate filedOn) {
    }

    /**
     * The rule's reason if every condition it gives holds; the reason names the words that made it match, so that an
     * officer sees why ("很危险、差点…摔").
     */
    private Optional<RuleRef> match(ClassificationRules.FlagRule rule, Facts facts) {
        if (!rule.categories().isEmpty() && !rule.categories().contains(facts.category())) {
            return Optional.empty();
        }
        if (!rule.scopes().isEmpty() && !rule.scopes().contains(categories.require(facts.category()).scope())) {
            return Optional.empty();
        }
        if (rule.manyWorkers() != null && rule.manyWorkers() != facts.manyWorkers()) {
            return Optional.empty();
        }
        if (rule.daysBeforeSpringFestival() != null
            && !springFestival.isWithin(facts.filedOn(), rule.daysBeforeSpringFestival())) {
            return Optional.empty();
        }
        if (rule.anyTerms().isEmpty()) {
            return Optional.of(rule.ref());
        }
        String text = facts.text();
        for (String phrase : exceptions.get(rule.id())) {
            text = Phrase.without(text, phrase);
        }
        String searched = text;
        List<String> found = terms.get(rule.id()).stream().filter(term -> Phrase.occursIn(term, searched)).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String words = String.join("、", found.size() > 5 ? found.subList(0, 5) : found);
        return Optional.of(new RuleRef(rule.id(), rule.descriptionZh() + "（" + words + "）",
            rule.descriptionEn() + " (" + words + ")"));
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
                if (Phrase.occursIn(term.getKey(), text)) {
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
