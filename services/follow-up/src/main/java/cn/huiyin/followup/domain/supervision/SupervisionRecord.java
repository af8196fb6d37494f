package cn.huiyin.followup.domain.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.domain.events.DeadlineBreached;
import cn.huiyin.followup.domain.events.LimitRef;
import cn.huiyin.followup.domain.events.ReminderIssued;
import cn.huiyin.followup.domain.events.SupervisionEscalated;

/**
 * The supervision of one case or action item (督办记录): the ladder steps issued for its limits and the supervisors' own
 * 督办. Issuing a step records it here, in the same aggregate write as the events it raises, so a step is decided and
 * published exactly once however many instances scan and whenever one of them crashes.
 */
public final class SupervisionRecord {

    /** What is supervised: a grievance's case or an action item. */
    public record Subject(String grievanceId, String actionItemId, String divisionCode) {
        public String id() {
            return grievanceId != null ? grievanceId : actionItemId;
        }
    }

    /** A step issued by a scan, with the events it raised (none when superseded). */
    public record Fired(IssuedStep step, List<Object> events) {
    }

    private final List<IssuedStep> issued;
    private final List<ManualSupervision> manual;

    public SupervisionRecord(List<IssuedStep> issued, List<ManualSupervision> manual) {
        this.issued = new ArrayList<>(issued == null ? List.of() : issued);
        this.manual = new ArrayList<>(manual == null ? List.of() : manual);
    }

    public static SupervisionRecord empty() {
        return new SupervisionRecord(List.of(), List.of());
    }

    public List<IssuedStep> issued() {
        return List.copyOf(issued);
    }

    public List<ManualSupervision> manual() {
        return List.copyOf(manual);
    }

    /** When the next step of the ladder falls due for these limits. */
    public Optional<Instant> nextDue(List<Limit> limits, WorkingTime time) {
        return Ladder.nextDue(limits, issued, time);
    }

    /**
     * Issues every step due at {@code now}: reminders to the handler (and co-handlers), a yellow card with the breach
     * escalated to the organisation above, a red card one level higher at twice the limit.
     */
    public List<Fired> fire(Subject subject, List<Limit> limits, Hierarchy hierarchy, List<OrganisationRef> coHandlers,
                            Instant now, WorkingTime time) {
        List<Fired> fired = new ArrayList<>();
        for (Ladder.Due due : Ladder.due(limits, issued, now, time)) {
            Limit limit = due.limit();
            String stepId = Ladder.stepId(subject.id(), limit.id(), due.step());
            OrganisationRef escalatedTo = switch (due.step()) {
                case YELLOW_CARD -> hierarchy.above(1).orElse(null);
                case RED_CARD -> hierarchy.atMost(2).orElse(null);
                default -> null;
            };
            List<Recipient> recipients = recipients(subject, hierarchy, coHandlers, due.step(), escalatedTo);
            IssuedStep step = new IssuedStep(stepId, limit.id(), due.step(), due.dueAt(), now, due.superseded(),
                recipients, escalatedTo);
            issued.add(step);
            fired.add(new Fired(step, due.superseded() ? List.of()
                : events(subject, limit, step, hierarchy.organisation(), now, time)));
        }
        return fired;
    }

    /** A supervisor's own 督办; its reply deadline becomes a limit the ladder watches. */
    public SupervisionEscalated supervise(Subject subject, ManualSupervision supervision, Hierarchy hierarchy,
                                          Limit replyLimit) {
        manual.add(supervision);
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(Recipient.of(hierarchy.organisation(), Recipient.Role.HANDLER));
        if (supervision.byOrganisation() != null) {
            recipients.add(Recipient.of(supervision.byOrganisation(), Recipient.Role.ESCALATED_TO));
        }
        return new SupervisionEscalated(subject.grievanceId(), subject.actionItemId(), supervision.supervisionId(),
            EscalationTrigger.MANUAL, Card.NONE, LimitRef.of(replyLimit), hierarchy.organisation(),
            supervision.byOrganisation(), recipients, supervision.instructions(), supervision.replyDueAt(), null,
            supervision.issuedAt(), supervision.by());
    }

    public Optional<ManualSupervision> manual(String supervisionId) {
        return manual.stream().filter(m -> m.supervisionId().equals(supervisionId)).findFirst();
    }

    public void answered(ManualSupervision answered) {
        manual.replaceAll(m -> m.supervisionId().equals(answered.supervisionId()) ? answered : m);
    }

    /** The strongest card shown so far (亮牌). */
    public Card card() {
        return issued.stream().filter(s -> !s.superseded()).map(s -> s.step().card()).reduce(Card.NONE, Card::max);
    }

    /** The organisations the subject was escalated to, by the ladder or by a supervisor. */
    public Set<String> escalatedTo() {
        Set<String> ids = new LinkedHashSet<>();
        issued.stream().filter(s -> s.escalatedTo() != null).forEach(s -> ids.add(s.escalatedTo().id()));
        manual.stream().filter(m -> m.byOrganisation() != null).forEach(m -> ids.add(m.byOrganisation().id()));
        return ids;
    }

    /** When it was last escalated (a card or a manual 督办), if ever. */
    public Optional<Instant> lastEscalatedAt() {
        Instant last = null;
        for (IssuedStep step : issued) {
            if (!step.step().isReminder() && (last == null || step.issuedAt().isAfter(last))) {
                last = step.issuedAt();
            }
        }
        for (ManualSupervision m : manual) {
            if (last == null || m.issuedAt().isAfter(last)) {
                last = m.issuedAt();
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SupervisionRecord that && issued.equals(that.issued) && manual.equals(that.manual);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issued, manual);
    }

    private static List<Recipient> recipients(Subject subject, Hierarchy hierarchy, List<OrganisationRef> coHandlers,
                                              LadderStep step, OrganisationRef escalatedTo) {
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(Recipient.of(hierarchy.organisation(), Recipient.Role.HANDLER));
        coHandlers.forEach(co -> recipients.add(Recipient.of(co, Recipient.Role.CO_HANDLER)));
        if (!step.isReminder()) {
            if (escalatedTo != null) {
                if (step == LadderStep.RED_CARD) {
                    hierarchy.above(1).filter(parent -> !parent.is(escalatedTo.id()))
                        .ifPresent(parent -> recipients.add(Recipient.of(parent, Recipient.Role.ESCALATED_TO)));
                }
                recipients.add(Recipient.of(escalatedTo, Recipient.Role.ESCALATED_TO));
            } else {
                recipients.add(Recipient.supervisorsOf(subject.divisionCode()));
            }
        }
        return recipients;
    }

    private static List<Object> events(Subject subject, Limit limit, IssuedStep step, OrganisationRef organisation,
                                       Instant now, WorkingTime time) {
        LimitRef ref = LimitRef.of(limit);
        return switch (step.step()) {
            case REMINDER_75, REMINDER_AT_LIMIT -> List.of(new ReminderIssued(subject.grievanceId(),
                subject.actionItemId(), step.stepId(), step.step(), ref, step.dueAt(), now,
                Math.max(0, limit.workingTimeLeft(now, time).toMinutes()), step.recipients()));
            case YELLOW_CARD -> List.of(
                new DeadlineBreached(subject.grievanceId(), subject.actionItemId(), step.stepId(), ref, organisation, now),
                escalation(subject, ref, step, organisation, EscalationTrigger.DEADLINE_BREACHED, now));
            case RED_CARD -> List.of(escalation(subject, ref, step, organisation, EscalationTrigger.TWICE_THE_LIMIT, now));
        };
    }

    private static SupervisionEscalated escalation(Subject subject, LimitRef limit, IssuedStep step,
                                                   OrganisationRef organisation, EscalationTrigger trigger, Instant now) {
        return new SupervisionEscalated(subject.grievanceId(), subject.actionItemId(), step.stepId(), trigger,
            step.step().card(), limit, organisation, step.escalatedTo(), step.recipients(), null, null, null, now,
            "system");
    }
}
