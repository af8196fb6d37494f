package cn.huiyin.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.Deadlines;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.RoutingDecision;
import cn.huiyin.triage.domain.WorkerGroups;

/**
 * What triage would do with a grievance, without storing anything: for officers checking a doubtful case and for
 * administrators tuning rules and registry.
 */
public class TriagePreview {

    /** The outcome: classification, deadlines, and the routing decision (empty if nobody can take it). */
    public record Outcome(Classification classification, Deadlines deadlines, Optional<RoutingDecision> routing) {
    }

    private final TriagePolicy policy;
    private final Categories categories;
    private final DivisionTree divisions;
    private final Clock clock;

    public TriagePreview(TriagePolicy policy, Categories categories, DivisionTree divisions, Clock clock) {
        this.policy = policy;
        this.categories = categories;
        this.divisions = divisions;
        this.clock = clock;
    }

    /** @param submittedAt null: now */
    public Outcome preview(String category, String description, String workerGroup, String platformOrEmployer,
                           boolean confidential, String divisionCode, Instant submittedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        if (category != null && !categories.contains(category)) {
            problems.add(new FieldProblem("category", "category.unknown", "没有这个诉求分类，可不填由规则识别",
                "unknown category; leave it empty for the rules to decide"));
        }
        if (!WorkerGroups.isKnown(workerGroup)) {
            problems.add(new FieldProblem("workerGroup", "workerGroup.unknown", "没有这个从业群体", "unknown worker group"));
        }
        if (!divisions.contains(divisionCode)) {
            problems.add(new FieldProblem("divisionCode", "division.unknown", "不是本市的行政区划代码",
                "not an administrative division code of this city"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        ReceivedGrievance grievance = new ReceivedGrievance("HY-00000000-000000",
            submittedAt == null ? clock.instant() : submittedAt, null, null, workerGroup, platformOrEmployer,
            confidential, category, description, divisionCode);
        Classification classification = policy.classify(grievance);
        Optional<RoutingDecision> routing = policy.route(grievance, classification, classification.needsJointReview());
        return new Outcome(classification, routing.map(RoutingDecision::deadlines).orElseGet(() ->
            policy.deadlines(grievance, classification, classification.needsJointReview(), null)), routing);
    }
}
