package cn.huiyin.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.Channels;
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

    /**
     * A grievance as it would be filed.
     *
     * @param category    null: the rules classify
     * @param channel     null: a service-hall window
     * @param submittedAt null: now
     */
    public record Sample(String category, String description, String workerGroup, String platformOrEmployer,
                         boolean confidential, String divisionCode, String address, String channel,
                         Instant submittedAt) {
    }

    public Outcome preview(Sample sample) {
        String category = sample.category();
        String workerGroup = sample.workerGroup();
        String divisionCode = sample.divisionCode();
        List<FieldProblem> problems = new ArrayList<>();
        if (sample.channel() != null && !Channels.isKnown(sample.channel())) {
            problems.add(new FieldProblem("channel", "channel.unknown", "没有这个受理渠道", "unknown channel"));
        }
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
            sample.submittedAt() == null ? clock.instant() : sample.submittedAt(),
            sample.channel() == null ? Channels.SERVICE_HALL_WINDOW : sample.channel(), null, workerGroup,
            sample.platformOrEmployer(), sample.confidential(), category, sample.description(), divisionCode,
            sample.address());
        Classification classification = policy.classify(grievance);
        Optional<RoutingDecision> routing = policy.route(grievance, classification, classification.needsJointReview());
        return new Outcome(classification, routing.map(RoutingDecision::deadlines).orElseGet(() ->
            policy.deadlines(grievance, classification, classification.needsJointReview(), null)), routing);
    }
}
