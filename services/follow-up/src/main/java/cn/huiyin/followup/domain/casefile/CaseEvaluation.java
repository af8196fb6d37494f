package cn.huiyin.followup.domain.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.domain.events.CallbackRecorded;
import cn.huiyin.followup.domain.events.GrievanceReopened;
import cn.huiyin.followup.domain.events.LimitRef;
import cn.huiyin.followup.domain.events.RetaliationChecked;
import cn.huiyin.followup.domain.events.SupervisionEscalated;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.followup.domain.supervision.EscalationTrigger;
import cn.huiyin.followup.domain.supervision.Recipient;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * The evaluation of a case (成效评估) on the case file's state: the callback (回访) by the callback centre — never by
 * the organisations that handled it — or the worker's own rating, reopening (重办) with its limits, closure with the
 * outcome kept apart, and the retaliation check 30 days after closure.
 */
final class CaseEvaluation {

    /** Unanswered attempts after which a case closes as unreachable, and a retaliation check ends unreached. */
    static final int MAX_ATTEMPTS = 3;

    private CaseEvaluation() {
    }

    /**
     * One callback attempt, or the worker's own rating ({@link CallbackChannel#SELF_SERVICE}, {@code caller} null).
     */
    static void recordCallback(CaseFile c, Caller caller, CallbackChannel channel, CallbackOutcome outcome,
                               CallbackAttempt.Answers answers, Instant now, Hierarchy hierarchy, WorkingTime time) {
        if (channel == CallbackChannel.PHONE) {
            requireCallbackCentre(c, caller);
        }
        if (c.status != CaseStatus.RESOLVED) {
            throw c.status == CaseStatus.CLOSED
                ? CaseFile.conflict("callback.case-closed", "本诉求已结案，不能再回访", "This case is closed; it cannot be called back")
                : CaseFile.conflict("callback.case-open", "本诉求尚未办结（" + c.status.nameZh() + "），办结后才能回访",
                    "This case is not resolved yet (" + c.status.nameEn() + "); it is called back once resolved");
        }
        boolean reached = outcome == CallbackOutcome.REACHED;
        if (reached) {
            requireAnswers(answers, channel);
        }
        CallbackAttempt.Answers recorded = reached ? answers : null;
        int round = c.round();
        int number = (int) c.callbacks.stream().filter(a -> a.round() == round).count() + 1;
        String by = caller == null ? "worker:self-service" : caller.username();
        c.callbacks.add(new CallbackAttempt(round, number, now, by, channel, outcome, recorded));
        int failures = (int) c.callbacks.stream().filter(a -> a.round() == round && !a.reached()).count();
        int attemptsLeft = reached ? 0 : Math.max(0, MAX_ATTEMPTS - failures);
        c.pendingEvents.add(new CallbackRecorded(c.id, round, number, channel, outcome,
            recorded == null ? null : recorded.solved(), recorded == null ? null : recorded.satisfaction(),
            recorded == null ? null : recorded.unitResponsible(), recorded == null ? null : recorded.comment(), now,
            attemptsLeft, WorkerStage.CALLED_BACK));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("outcome", outcome.name());
        params.put("channel", channel.name());
        params.put("attempt", Integer.toString(number));
        if (recorded != null) {
            params.put("solved", recorded.solved().name());
            params.put("satisfaction", recorded.satisfaction().name());
        }
        c.record(now, by, "CALLBACK", params);
        if (reached) {
            decide(c, recorded, by, now, hierarchy, time);
        } else if (failures >= MAX_ATTEMPTS) {
            c.close(ClosureOutcome.UNREACHABLE, by, now, time, null);
        }
    }

    private static void decide(CaseFile c, CallbackAttempt.Answers answers, String by, Instant now, Hierarchy hierarchy,
                               WorkingTime time) {
        ResolutionKind resolution = c.lastResolution().map(Resolution::kind).orElse(ResolutionKind.RESOLVED);
        CallbackVerdict verdict = CallbackVerdict.of(answers, resolution, c.reopens.size());
        switch (verdict.kind()) {
            case CLOSE -> c.close(verdict.outcome(), by, now, time, null);
            case REOPEN -> reopen(c, verdict.reason(), now, hierarchy, time);
            case CLOSE_AND_ESCALATE -> {
                c.close(verdict.outcome(), by, now, time, null);
                OrganisationRef to = hierarchy.atMost(2).orElse(null);
                c.pendingEvents.add(new SupervisionEscalated(c.id, null, c.id + "/DISSATISFIED-AFTER-REOPENS",
                    EscalationTrigger.DISSATISFIED_AFTER_REOPENS, Card.RED, null, c.lead(), to,
                    recipients(c, to), null, null, c.reopens.size(), now, CaseFile.SYSTEM));
                c.record(now, CaseFile.SYSTEM, "ESCALATED_AFTER_REOPENS", to == null ? Map.of()
                    : Map.of("escalatedTo", to.name()));
            }
        }
    }

    /** 重办: the same organisation, a new resolution limit; the second time under the organisation above. */
    private static void reopen(CaseFile c, ReopenReason reason, Instant now, Hierarchy hierarchy, WorkingTime time) {
        int round = c.round() + 1;
        Limit limit = c.clocks.reopen(round, now, c.hours, time);
        boolean second = c.reopens.size() + 1 == CallbackVerdict.MAX_REOPENS;
        OrganisationRef supervisedBy = second ? hierarchy.above(1).orElse(null) : null;
        c.reopens.add(new Reopen(round, now, reason, c.lead(), supervisedBy));
        c.moveTo(CaseStatus.IN_PROGRESS, now, time);
        c.pendingEvents.add(new GrievanceReopened(c.id, round, c.reopens.size(), reason, c.lead(), c.lead(),
            supervisedBy, now, limit.dueAt(), WorkerStage.REOPENED));
        if (second) {
            c.pendingEvents.add(new SupervisionEscalated(c.id, null, c.id + "/REOPEN-" + c.reopens.size(),
                EscalationTrigger.SECOND_REOPEN, Card.NONE, LimitRef.of(limit), c.lead(), supervisedBy,
                recipients(c, supervisedBy), null, null, c.reopens.size(), now, CaseFile.SYSTEM));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("reason", reason.name());
        params.put("round", Integer.toString(round));
        params.put("countsAgainst", c.lead().name());
        params.put("resolutionDueAt", limit.dueAt().toString());
        if (supervisedBy != null) {
            params.put("supervisedBy", supervisedBy.name());
        }
        c.record(now, CaseFile.SYSTEM, "REOPENED", params);
    }

    static void checkRetaliation(CaseFile c, Caller caller, CallbackOutcome outcome, Boolean retaliation,
                                 List<RetaliationKind> kinds, String account, Instant now) {
        requireCallbackCentre(c, caller);
        RetaliationCheck check = c.retaliation;
        if (check == null || c.status != CaseStatus.CLOSED) {
            throw CaseFile.conflict("retaliation.none", "本诉求没有待进行的打击报复回访",
                "This case has no retaliation check to make");
        }
        if (!check.isPending()) {
            throw CaseFile.conflict("retaliation.done", "打击报复回访已于 " + check.checkedAt() + " 完成",
                "The retaliation check was made already, at " + check.checkedAt());
        }
        if (now.isBefore(check.dueAt())) {
            throw CaseFile.conflict("retaliation.not-due", "打击报复回访应在结案30日后（" + check.dueAt() + " 起）进行",
                "The retaliation check is made 30 days after closure, from " + check.dueAt());
        }
        boolean reached = outcome == CallbackOutcome.REACHED;
        List<FieldProblem> problems = new ArrayList<>();
        if (reached && retaliation == null) {
            problems.add(new FieldProblem("retaliation", "retaliation.required", "接通时须记录职工是否遭受打击报复",
                "is required when the worker was reached"));
        }
        if (reached && Boolean.TRUE.equals(retaliation) && (kinds == null || kinds.isEmpty())) {
            problems.add(new FieldProblem("kinds", "kinds.required", "职工反映遭受打击报复时，须记录其形式",
                "is required when the worker reports retaliation"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (c.facts.workerRef() == null) {
            throw CaseFile.conflict("retaliation.worker-unknown", "尚未收到受理信息，无法确定职工",
                "Intake's record of this grievance has not arrived; the worker is not known");
        }
        List<RetaliationCheck.Attempt> attempts = new ArrayList<>(check.attempts());
        attempts.add(new RetaliationCheck.Attempt(now, caller.username(), outcome));
        boolean ends = reached || attempts.size() >= MAX_ATTEMPTS;
        boolean reported = reached && Boolean.TRUE.equals(retaliation);
        List<RetaliationKind> reportedKinds = reported ? List.copyOf(kinds) : List.of();
        c.retaliation = new RetaliationCheck(check.dueAt(), attempts, ends ? now : null, ends ? reached : null,
            ends ? reported : null, reportedKinds, reported ? account : null);
        c.record(now, caller.username(), ends ? "RETALIATION_CHECKED" : "RETALIATION_ATTEMPT", Map.of(
            "outcome", outcome.name(), "reported", Boolean.toString(reported)));
        if (ends) {
            c.pendingEvents.add(new RetaliationChecked(c.id, now, reached, reported, reportedKinds,
                reported ? account : null, c.facts.workerRef(), c.facts.workerGroup(), c.facts.divisionCode(),
                c.facts.category(), c.facts.platformOrEmployer(), c.facts.confidential(), c.lead(),
                c.closure.closedAt(), reported ? "URGENT" : null));
        }
    }

    /**
     * Only the callback centre evaluates: a handler — even one with an agent's role — never calls back on its own
     * organisation's work (the lesson of every hotline that let units mark themselves satisfied).
     */
    private static void requireCallbackCentre(CaseFile c, Caller caller) {
        if (c.handling != null && c.handling.involves(caller.organisationId())) {
            throw DomainException.forbidden("callback.by-handler", "承办单位不能回访自己办理的诉求，回访由回访中心进行",
                "An organisation that handled the case cannot evaluate it; the callback centre calls the worker back");
        }
        if (!caller.has(Roles.CALLBACK_AGENT)) {
            throw DomainException.forbidden("callback.not-callback-centre", "只有回访中心的回访员可以记录回访",
                "Only agents of the callback centre record callbacks");
        }
    }

    private static void requireAnswers(CallbackAttempt.Answers answers, CallbackChannel channel) {
        List<FieldProblem> problems = new ArrayList<>();
        if (answers == null || answers.solved() == null) {
            problems.add(new FieldProblem("solved", "solved.required", "接通时须记录问题是否解决（解决 / 部分解决 / 未解决）",
                "is required when the worker was reached (YES, PARTLY or NO)"));
        }
        if (answers == null || answers.satisfaction() == null) {
            problems.add(new FieldProblem("satisfaction", "satisfaction.required", "接通时须记录满意程度（满意 / 基本满意 / 不满意）",
                "is required when the worker was reached (SATISFIED, BASICALLY_SATISFIED or DISSATISFIED)"));
        }
        boolean unhappy = answers != null && (answers.solved() == Solved.NO
            || answers.satisfaction() == Satisfaction.DISSATISFIED);
        if (channel == CallbackChannel.PHONE && unhappy && answers.unitResponsible() == null) {
            problems.add(new FieldProblem("unitResponsible", "unitResponsible.required",
                "职工不满意或问题未解决时，须判定是否归责于承办单位",
                "is required when the worker is dissatisfied or the problem is not solved"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private static List<Recipient> recipients(CaseFile c, OrganisationRef escalatedTo) {
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(Recipient.of(c.lead(), Recipient.Role.HANDLER));
        recipients.add(escalatedTo == null ? Recipient.supervisorsOf(c.facts.divisionCode())
            : Recipient.of(escalatedTo, Recipient.Role.ESCALATED_TO));
        return recipients;
    }
}
