package cn.huiyin.followup.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.application.Page;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.CallbackAttempt;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.followup.domain.casefile.Closure;
import cn.huiyin.followup.domain.casefile.Extension;
import cn.huiyin.followup.domain.casefile.FirstContact;
import cn.huiyin.followup.domain.casefile.GrievanceFacts;
import cn.huiyin.followup.domain.casefile.MaterialRequest;
import cn.huiyin.followup.domain.casefile.ProgressNote;
import cn.huiyin.followup.domain.casefile.Remedy;
import cn.huiyin.followup.domain.casefile.Reopen;
import cn.huiyin.followup.domain.casefile.Resolution;
import cn.huiyin.followup.domain.casefile.RetaliationCheck;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.StageSpan;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.domain.supervision.IssuedStep;
import cn.huiyin.followup.domain.supervision.ManualSupervision;
import cn.huiyin.followup.domain.supervision.Recipient;
import org.springframework.stereotype.Component;

/**
 * How case files look over HTTP: the full file with its clocks (time left in working hours), stages with their
 * durations and the history in Chinese and English; and the rows of worklists. The worker's pseudonym is not shown:
 * no one handling or supervising a case needs it.
 */
@Component
class CaseViews {

    record Grievance(Instant submittedAt, String category, String categoryName, String urgency, String divisionCode,
                     String workerGroup, boolean confidential, String summary) {
        static Grievance of(GrievanceFacts f) {
            return new Grievance(f.submittedAt(), f.category(), f.categoryName(), f.urgency(), f.divisionCode(),
                f.workerGroup(), f.confidential(), f.summary());
        }
    }

    record HandlingView(OrganisationRef lead, List<OrganisationRef> coHandlers, List<OrganisationRef> above,
                        int attempt, Instant assignedAt, Instant signedForAt, boolean awaitingRuling) {
    }

    /** A time limit as the handler sees it: due when (also in Beijing time), and working hours left (negative: overdue). */
    record ClockView(String id, String kind, String nameZh, String nameEn, Instant startedAt, Instant dueAt,
                     String dueBeijing, BigDecimal allowedWorkingHours, boolean paused, Instant stoppedAt, boolean met,
                     boolean overdue, BigDecimal workingHoursLeft, List<Limit.Pause> pauses) {
    }

    record StageView(String stage, String nameZh, String nameEn, Instant from, Instant to, BigDecimal workingHours,
                     BigDecimal clockHours, long workingMinutes, long clockMinutes) {
    }

    /** From the first stage's start to the last stage's end. */
    record Totals(BigDecimal workingHours, BigDecimal clockHours) {
    }

    record RemedyView(String moneyRecoveredYuan, Long moneyRecoveredFen, Boolean claimPaid, Boolean accountReinstated,
                      Boolean penaltyWithdrawn, Integer parkingSpacesAdded, Integer workersCovered) {
        static RemedyView of(Remedy r) {
            if (r == null || r.isEmpty()) {
                return null;
            }
            return new RemedyView(r.moneyRecoveredFen() == null ? null : Remedy.yuan(r.moneyRecoveredFen()),
                r.moneyRecoveredFen(), r.claimPaid(), r.accountReinstated(), r.penaltyWithdrawn(),
                r.parkingSpacesAdded(), r.workersCovered());
        }
    }

    record ResolutionView(int round, Instant resolvedAt, String by, String kind, String kindZh, String explanation,
                          RemedyView remedy, boolean withinLimit, Instant callbackDueAt) {
    }

    record StepView(String stepId, String step, String nameZh, String nameEn, String limitId, Instant dueAt,
                    Instant issuedAt, boolean superseded, OrganisationRef escalatedTo, List<Recipient> recipients) {
        static StepView of(IssuedStep s) {
            return new StepView(s.stepId(), s.step().name(), s.step().nameZh(), s.step().nameEn(), s.limitId(),
                s.dueAt(), s.issuedAt(), s.superseded(), s.escalatedTo(), s.recipients());
        }
    }

    record SupervisionView(String card, Instant nextStepAt, List<StepView> steps, List<ManualSupervision> manual) {
    }

    record ReopensView(int count, OrganisationRef countsAgainst, List<Reopen> reopens) {
    }

    record ClosureView(Instant closedAt, String outcome, String outcomeZh, String outcomeEn, String by,
                       String mergedInto) {
        static ClosureView of(Closure c) {
            return new ClosureView(c.closedAt(), c.outcome().name(), Texts.zh(c.outcome().name()),
                Texts.en(c.outcome().name()), c.by(), c.mergedInto());
        }
    }

    record CaseView(String grievanceId, String status, String statusZh, String statusEn, Grievance grievance,
                    HandlingView handling, List<ClockView> clocks, SupervisionView supervision,
                    FirstContact firstContact, List<ProgressNote> progress, List<MaterialRequest> materialRequests,
                    List<Extension> extensions, List<ResolutionView> resolutions, List<CallbackAttempt> callbacks,
                    ReopensView reopens, ClosureView closure, RetaliationCheck retaliation, List<StageView> stages,
                    Totals totals, List<Texts.Line> history, Instant asOf) {
    }

    /** A worklist row; the sections that do not apply to the list are null. */
    record CaseRow(String grievanceId, String status, String statusZh, String statusEn, String categoryName,
                   String urgency, String divisionCode, String summary, Instant submittedAt, OrganisationRef lead,
                   ClockView deadline, String card, Instant lastEscalatedAt, List<StepView> escalations,
                   Instant callbackDueAt, Integer round, ResolutionView resolution, Integer callbackAttempts,
                   Instant retaliationCheckDueAt, ClosureView closure) {
    }

    record Rows(List<CaseRow> items, int page, int size, long total, Instant asOf) {
    }

    /** An extension request waiting for its decision, with the case it would extend. */
    record ExtensionRow(String grievanceId, String status, String statusZh, String statusEn, String categoryName,
                        String divisionCode, String summary, OrganisationRef lead, ClockView deadline,
                        Extension extension) {
    }

    record ExtensionRows(List<ExtensionRow> items, int page, int size, long total, Instant asOf) {
    }

    ExtensionRows pendingExtensions(Page<CaseFile> page) {
        Instant now = clock.instant();
        List<ExtensionRow> rows = page.items().stream().flatMap(c -> c.extensions().stream().filter(Extension::isPending)
            .map(e -> new ExtensionRow(c.id(), c.status().name(), c.status().nameZh(), c.status().nameEn(),
                c.facts().categoryName(), c.facts().divisionCode(), c.facts().summary(),
                c.handling().map(h -> h.lead()).orElse(null),
                c.clocks().active().filter(l -> c.status().isOpen()).map(l -> clock(l, now)).orElse(null), e)))
            .toList();
        return new ExtensionRows(rows, page.page(), page.size(), page.total(), now);
    }

    private final WorkingTime time;
    private final Clock clock;

    CaseViews(WorkingTime time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    CaseView full(CaseFile c, List<OrganisationRef> above) {
        Instant now = clock.instant();
        HandlingView handling = c.handling().map(h -> new HandlingView(h.lead(), h.coHandlers(), above, h.attempt(),
            h.assignedAt(), h.signedForAt(), h.awaitingRuling())).orElse(null);
        SupervisionView supervision = new SupervisionView(c.supervision().card().name(),
            c.nextSupervisionAt().orElse(null), c.supervision().issued().stream().map(StepView::of).toList(),
            c.supervision().manual());
        List<StageSpan> stages = c.stages();
        Instant first = stages.isEmpty() ? null : stages.get(0).from();
        Instant last = stages.isEmpty() ? null : stages.get(stages.size() - 1).to();
        long working = first == null ? 0 : time.between(first, last, c.hours()).toMinutes();
        long clockMinutes = first == null ? 0 : Duration.between(first, last).toMinutes();
        return new CaseView(c.id(), c.status().name(), c.status().nameZh(), c.status().nameEn(),
            Grievance.of(c.facts()), handling, c.clocks().all().stream().map(l -> clock(l, now)).toList(), supervision,
            c.firstContact().orElse(null), c.progress(), c.materialRequests(), c.extensions(),
            c.resolutions().stream().map(CaseViews::resolution).toList(), c.callbacks(),
            new ReopensView(c.reopens().size(), c.reopens().isEmpty() ? null : c.reopens().get(0).countedAgainst(),
                c.reopens()),
            c.closure().map(ClosureView::of).orElse(null), c.retaliation().orElse(null),
            c.stages().stream().map(CaseViews::stage).toList(),
            new Totals(Texts.hours(working), Texts.hours(clockMinutes)),
            c.history().stream().map(Texts::line).toList(), now);
    }

    Rows rows(Page<CaseFile> page) {
        return new Rows(page.items().stream().map(this::row).toList(), page.page(), page.size(), page.total(),
            clock.instant());
    }

    CaseRow row(CaseFile c) {
        Instant now = clock.instant();
        Integer attempts = c.status() == CaseStatus.RESOLVED ? (int) c.callbacks().stream()
            .filter(a -> a.round() == c.reopens().size() + 1).count() : null;
        List<StepView> escalations = c.supervision().issued().stream()
            .filter(s -> !s.step().isReminder() && !s.superseded()).map(StepView::of).toList();
        return new CaseRow(c.id(), c.status().name(), c.status().nameZh(), c.status().nameEn(),
            c.facts().categoryName(), c.facts().urgency(), c.facts().divisionCode(), c.facts().summary(),
            c.facts().submittedAt(), c.handling().map(h -> h.lead()).orElse(null),
            c.clocks().active().filter(l -> c.status().isOpen()).map(l -> clock(l, now)).orElse(null),
            c.supervision().card().name(), c.supervision().lastEscalatedAt().orElse(null), escalations,
            c.callbackDueAt().orElse(null), c.reopens().size() + 1,
            c.resolutions().isEmpty() ? null : resolution(c.resolutions().get(c.resolutions().size() - 1)), attempts,
            c.retaliationCheckDueAt().orElse(null), c.closure().map(ClosureView::of).orElse(null));
    }

    private ClockView clock(Limit l, Instant now) {
        return new ClockView(l.id(), l.kind().name(), Texts.zh(l.id()), Texts.en(l.id()), l.startedAt(), l.dueAt(),
            Texts.beijing(l.dueAt()), Texts.hours(l.allowed().toMinutes()), l.isPaused(), l.stoppedAt(), l.wasMet(),
            l.isOverdue(now), Texts.hours(l.workingTimeLeft(now, time).toMinutes()), l.pauses());
    }

    private static StageView stage(StageSpan s) {
        CaseStatus status = CaseStatus.valueOf(s.stage());
        return new StageView(s.stage(), status.nameZh(), status.nameEn(), s.from(), s.to(),
            Texts.hours(s.workingMinutes()), Texts.hours(s.clockMinutes()), s.workingMinutes(), s.clockMinutes());
    }

    private static ResolutionView resolution(Resolution r) {
        return new ResolutionView(r.round(), r.resolvedAt(), r.by(), r.kind().name(), Texts.zh(r.kind().name()),
            r.explanation(), RemedyView.of(r.remedy()), r.withinLimit(), r.callbackDueAt());
    }
}
