package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;

/**
 * What triage made of a grievance (分类定级): its category and how sure it is, its urgency and whether it needs a
 * joint review (联席会商), each with the rules that said so.
 *
 * @param confidence       1.0 when the filer or an officer chose the category; otherwise how clearly the keyword
 *                         rules pointed to it (0 when nothing matched and the catch-all was used)
 * @param matchedTerms     the keywords and phrases found in the description for the chosen category
 * @param workersAffected  how many workers the description says are affected, when it says
 */
public record Classification(String category, String categoryName, CategorySource source, double confidence, List<String> matchedTerms,
                             Urgency urgency, List<RuleRef> urgencyReasons, boolean needsJointReview,
                             List<RuleRef> jointReviewReasons, Integer workersAffected) {

    public Classification {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(urgency, "urgency");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
        urgencyReasons = urgencyReasons == null ? List.of() : List.copyOf(urgencyReasons);
        jointReviewReasons = jointReviewReasons == null ? List.of() : List.copyOf(jointReviewReasons);
    }

    /** Whether a person should confirm the category: the rules were unsure or found nothing. */
    public boolean needsConfirmation(double threshold) {
        return source == CategorySource.RULES && confidence < threshold;
    }

    /**
     * The classification with an officer's urgency and joint-review decision applied; what the officer leaves out
     * (null) stays as the rules decided. The officer's reason replaces the rules' reasons for what changed.
     */
    public Classification withOverrides(Urgency newUrgency, Boolean jointReview, RuleRef why) {
        Urgency urgencyNow = newUrgency == null ? urgency : newUrgency;
        boolean jointReviewNow = jointReview == null ? needsJointReview : jointReview;
        return new Classification(category, categoryName, source, confidence, matchedTerms, urgencyNow,
            urgencyNow == urgency ? urgencyReasons : List.of(why), jointReviewNow,
            jointReviewNow == needsJointReview ? jointReviewReasons : jointReviewNow ? List.of(why) : List.of(),
            workersAffected);
    }
}
