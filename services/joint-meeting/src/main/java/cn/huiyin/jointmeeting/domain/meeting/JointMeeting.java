package cn.huiyin.jointmeeting.domain.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import cn.huiyin.jointmeeting.domain.events.ActionItemAssigned;
import cn.huiyin.jointmeeting.domain.events.AgendaSet;
import cn.huiyin.jointmeeting.domain.events.MeetingConcluded;
import cn.huiyin.jointmeeting.domain.events.MeetingScheduled;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/**
 * A joint meeting (联席会议) of the departments, enterprises and worker representatives a problem needs: prepared
 * while scheduled (agenda, attendance, a decision per item, minutes), then concluded once, which makes its decisions
 * final and assigns its action items. Afterwards it only learns, from follow-up, that items were carried out.
 */
public final class JointMeeting {

    /** What the convener set when calling the meeting. */
    public record Details(MeetingKind kind, String title, Instant startsAt, Instant endsAt, String place,
                          String videoLink, List<OrganisationRef> invitedDepartments,
                          List<OrganisationRef> invitedEnterprises, List<WorkerRepresentative> workerRepresentatives) {

        public Details {
            invitedDepartments = invitedDepartments == null ? List.of() : List.copyOf(invitedDepartments);
            invitedEnterprises = invitedEnterprises == null ? List.of() : List.copyOf(invitedEnterprises);
            workerRepresentatives = workerRepresentatives == null ? List.of() : List.copyOf(workerRepresentatives);
        }
    }

    /** The state of a meeting, stored and restored; {@code version} is the stored document's. */
    public record Snapshot(String id, Details details, OrganisationRef convener, MeetingState state,
                           List<AgendaItem> agenda, int agendaRevision, int nextAgendaNumber,
                           List<Attendance> attendance, String minutes, List<Decision> decisions, String scheduledBy,
                           Instant scheduledAt, String concludedBy, Instant concludedAt, long version) {
    }

    private final String id;
    private final Details details;
    private final OrganisationRef convener;
    private MeetingState state;
    private List<AgendaItem> agenda;
    private int agendaRevision;
    private int nextAgendaNumber;
    private List<Attendance> attendance;
    private String minutes;
    private List<Decision> decisions;
    private final String scheduledBy;
    private final Instant scheduledAt;
    private String concludedBy;
    private Instant concludedAt;
    private long version;
    private final List<Object> pendingEvents = new ArrayList<>();

    private JointMeeting(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.details = Objects.requireNonNull(s.details(), "details");
        this.convener = Objects.requireNonNull(s.convener(), "convener");
        this.state = s.state();
        this.agenda = List.copyOf(s.agenda() == null ? List.of() : s.agenda());
        this.agendaRevision = s.agendaRevision();
        this.nextAgendaNumber = s.nextAgendaNumber();
        this.attendance = List.copyOf(s.attendance() == null ? List.of() : s.attendance());
        this.minutes = s.minutes();
        this.decisions = List.copyOf(s.decisions() == null ? List.of() : s.decisions());
        this.scheduledBy = s.scheduledBy();
        this.scheduledAt = s.scheduledAt();
        this.concludedBy = s.concludedBy();
        this.concludedAt = s.concludedAt();
        this.version = s.version();
    }

    public static JointMeeting schedule(String id, Details details, OrganisationRef convener, String by, Instant now) {
        if (!details.endsAt().isAfter(details.startsAt())) {
            throw new InvalidFieldsException(List.of(new FieldProblem("endsAt", "meeting.ends-before-start",
                "结束时间应晚于开始时间", "must be after startsAt")));
        }
        JointMeeting meeting = new JointMeeting(new Snapshot(id, details, convener, MeetingState.SCHEDULED, List.of(), 0,
            1, List.of(), null, List.of(), by, now, null, null, 0));
        meeting.pendingEvents.add(new MeetingScheduled(id, details.kind(), details.title(), convener,
            details.startsAt(), details.endsAt(), details.place(), details.videoLink(), details.invitedDepartments(),
            details.invitedEnterprises(), details.workerRepresentatives(), now));
        return meeting;
    }

    public static JointMeeting restore(Snapshot snapshot) {
        return new JointMeeting(snapshot);
    }

    /**
     * Replaces the agenda. Items that name an {@code agendaItemId} keep it (and their draft decision); new items get the
     * next number; decisions on items left out are dropped. A review request may stand in one item only.
     */
    public void setAgenda(List<AgendaItem> items, Instant now) {
        requireScheduled("修改议程", "change the agenda");
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> requestsSeen = new HashMap<>();
        Set<String> idsSeen = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            AgendaItem item = items.get(i);
            if (item.agendaItemId() != null && (agendaItem(item.agendaItemId()).isEmpty() || !idsSeen.add(item.agendaItemId()))) {
                problems.add(new FieldProblem("items[" + i + "].agendaItemId", "agenda-item.unknown",
                    "本会议议程中没有该议题，或重复列出", "is not an item of this meeting's agenda, or is listed twice"));
            }
            for (String request : item.reviewRequestIds()) {
                Integer earlier = requestsSeen.putIfAbsent(request, i);
                if (earlier != null) {
                    problems.add(new FieldProblem("items[" + i + "].reviewRequestIds", "agenda.request-twice",
                        request + " 已列入第 " + (earlier + 1) + " 项议题", request + " is already in item " + (earlier + 1)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        List<AgendaItem> numbered = new ArrayList<>();
        for (AgendaItem item : items) {
            numbered.add(item.agendaItemId() != null ? item : item.withId("AG-" + nextAgendaNumber++));
        }
        Set<String> kept = new LinkedHashSet<>(numbered.stream().map(AgendaItem::agendaItemId).toList());
        agenda = List.copyOf(numbered);
        decisions = decisions.stream().filter(d -> kept.contains(d.agendaItemId())).toList();
        agendaRevision++;
        pendingEvents.add(new AgendaSet(id, details.title(), details.startsAt(), agendaRevision, now, agenda.stream()
            .map(a -> new AgendaSet.Item(a.agendaItemId(), a.kind(), a.title(), a.reviewRequestIds(), a.grievanceIds(),
                a.effectivenessCheck())).toList()));
    }

    /** Records who came; each entry must be the convener, an invited organisation or an invited group of workers. */
    public void recordAttendance(List<Attendance> entries) {
        requireScheduled("登记出席情况", "record attendance");
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Attendance entry = entries.get(i);
            boolean known = entry.organisation() != null ? invites(entry.organisation().id())
                : details.workerRepresentatives().stream().anyMatch(r -> r.label().equals(entry.representative()));
            if (!known) {
                problems.add(new FieldProblem("entries[" + i + "]", "attendance.not-invited",
                    "不在本会议的邀请名单中", "was not invited to this meeting"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        attendance = List.copyOf(entries);
    }

    /** Records (or replaces) the decision on one agenda item; it becomes final when the meeting concludes. */
    public void decide(Decision decision) {
        requireScheduled("作出会商意见", "record a decision");
        requireAgendaItem(decision.agendaItemId());
        if (decision.outcome() == DecisionOutcome.ACTIONS && decision.actionItems().isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("actionItems", "decision.no-items",
                "决定采取措施时至少应有一项督办事项", "a decision to act needs at least one action item")));
        }
        if (decision.actionItems().stream().anyMatch(item -> item.lead() == null)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("actionItems", "action-item.no-lead",
                "每项督办事项都应有牵头单位", "every action item needs a lead organisation")));
        }
        List<Decision> updated = new ArrayList<>(decisions.stream()
            .filter(d -> !d.agendaItemId().equals(decision.agendaItemId())).toList());
        updated.add(decision);
        decisions = List.copyOf(updated);
    }

    public void writeMinutes(String text) {
        requireScheduled("修改会议纪要", "change the minutes");
        minutes = text;
    }

    /**
     * Concludes the meeting: every agenda item must have a decision and the minutes must not be empty. Each decision
     * then reaches every grievance its review requests hold now ({@code membersByRequest}), its action items are
     * numbered and assigned, one event each.
     */
    public void conclude(Map<String, List<String>> membersByRequest, String by, Instant now) {
        if (state == MeetingState.CONCLUDED) {
            throw DomainException.conflict("meeting.already-concluded", "本次会议已于 " + concludedAt + " 结束，不能重复结束",
                "This meeting concluded at " + concludedAt + " already; it cannot conclude twice");
        }
        if (now.isBefore(details.startsAt())) {
            throw DomainException.conflict("meeting.not-started", "会议尚未开始（" + details.startsAt() + "），不能结束",
                "The meeting has not started yet (" + details.startsAt() + "); it cannot conclude");
        }
        List<FieldProblem> missing = new ArrayList<>();
        if (agenda.isEmpty()) {
            missing.add(new FieldProblem("agenda", "agenda.empty", "议程为空", "the agenda is empty"));
        }
        for (AgendaItem item : agenda) {
            if (decisionOn(item.agendaItemId()).isEmpty()) {
                missing.add(new FieldProblem("agenda." + item.agendaItemId() + ".decision", "decision.missing",
                    "议题「" + item.title() + "」尚无会商意见", "item " + item.agendaItemId() + " has no decision"));
            }
        }
        if (minutes == null || minutes.isBlank()) {
            missing.add(new FieldProblem("minutes", "minutes.empty", "会议纪要为空", "the minutes are empty"));
        }
        if (!missing.isEmpty()) {
            throw new ConclusionRefused(missing);
        }
        int number = 1;
        List<Decision> finals = new ArrayList<>();
        for (AgendaItem item : agenda) {
            Decision decision = decisionOn(item.agendaItemId()).orElseThrow();
            List<String> reached = item.kind() == AgendaItemKind.REVIEW_REQUESTS ? item.reviewRequestIds().stream()
                .flatMap(request -> membersByRequest.getOrDefault(request, List.of()).stream()).distinct().toList() : List.of();
            List<String> grievances = List.copyOf(new LinkedHashSet<>(Stream.concat(item.grievanceIds().stream(),
                reached.stream()).toList()));
            List<ActionItem> numbered = new ArrayList<>();
            for (ActionItem action : decision.actionItems()) {
                numbered.add(action.numbered("AI-" + id + "-" + number++));
            }
            finals.add(new Decision(decision.agendaItemId(), decision.outcome(), decision.messageToWorkers(), numbered,
                decision.reviewDate(), decision.decidedBy(), decision.decidedAt(), grievances));
        }
        decisions = List.copyOf(finals);
        state = MeetingState.CONCLUDED;
        concludedBy = by;
        concludedAt = now;
        pendingEvents.add(concludedEvent());
        for (AgendaItem item : agenda) {
            Decision decision = decisionOn(item.agendaItemId()).orElseThrow();
            for (ActionItem action : decision.actionItems()) {
                pendingEvents.add(new ActionItemAssigned(action.actionItemId(), id, item.agendaItemId(),
                    item.reviewRequestIds(), decision.grievanceIds(), action.task(), action.expectedOutcome(),
                    action.lead(), action.coOrganisers(), action.dueDate(), action.dueAt(), now, details.title(),
                    item.divisionCode()));
            }
        }
    }

    /**
     * Follow-up reports an action item done or explained. A repeat of the same report changes nothing.
     *
     * @return whether the item was open and is now carried out
     */
    public boolean completeActionItem(String actionItemId, Completion completion) {
        Optional<ActionItem> item = actionItem(actionItemId);
        if (item.isEmpty() || !item.get().isOpen()) {
            return false;
        }
        decisions = decisions.stream().map(d -> d.withItems(a -> Objects.equals(a.actionItemId(), actionItemId)
            ? a.completed(completion) : a)).toList();
        return true;
    }

    /** Whether the organisation convenes or is invited to this meeting. */
    public boolean invites(String organisationId) {
        return convener.id().equals(organisationId)
            || Stream.concat(details.invitedDepartments().stream(), details.invitedEnterprises().stream())
                .anyMatch(org -> org.id().equals(organisationId));
    }

    public Optional<OrganisationRef> participant(String organisationId) {
        return Stream.concat(Stream.of(convener), Stream.concat(details.invitedDepartments().stream(),
            details.invitedEnterprises().stream())).filter(org -> org.id().equals(organisationId)).findFirst();
    }

    public Optional<Decision> decisionOn(String agendaItemId) {
        return decisions.stream().filter(d -> d.agendaItemId().equals(agendaItemId)).findFirst();
    }

    public Optional<AgendaItem> agendaItem(String agendaItemId) {
        return agenda.stream().filter(a -> a.agendaItemId().equals(agendaItemId)).findFirst();
    }

    public Optional<ActionItem> actionItem(String actionItemId) {
        return decisions.stream().flatMap(d -> d.actionItems().stream())
            .filter(a -> Objects.equals(a.actionItemId(), actionItemId)).findFirst();
    }

    public boolean isConcluded() {
        return state == MeetingState.CONCLUDED;
    }

    public String id() {
        return id;
    }

    public Details details() {
        return details;
    }

    public OrganisationRef convener() {
        return convener;
    }

    public List<AgendaItem> agenda() {
        return agenda;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public long version() {
        return version;
    }

    /** The repository stored this state as {@code storedVersion}. */
    public void markStored(long storedVersion) {
        this.version = storedVersion;
    }

    public Snapshot snapshot() {
        return new Snapshot(id, details, convener, state, agenda, agendaRevision, nextAgendaNumber, attendance, minutes,
            decisions, scheduledBy, scheduledAt, concludedBy, concludedAt, version);
    }

    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private MeetingConcluded concludedEvent() {
        return new MeetingConcluded(id, details.title(), convener, details.startsAt(), concludedAt,
            attendance.stream().map(a -> new MeetingConcluded.Attendee(a.organisation(), a.representative(), a.status()))
                .toList(),
            agenda.stream().map(item -> {
                Decision d = decisionOn(item.agendaItemId()).orElseThrow();
                return new MeetingConcluded.Decided(item.agendaItemId(), item.title(), item.reviewRequestIds(),
                    d.grievanceIds(), d.outcome(), d.messageToWorkers(), d.reviewDate(), d.actionItems().stream()
                    .map(a -> new MeetingConcluded.Item(a.actionItemId(), a.task(), a.expectedOutcome(), a.lead(),
                        a.coOrganisers(), a.dueDate(), a.dueAt())).toList());
            }).toList());
    }

    private void requireScheduled(String actionZh, String actionEn) {
        if (state == MeetingState.CONCLUDED) {
            throw DomainException.conflict("meeting.concluded", "会议已结束，不能" + actionZh,
                "The meeting has concluded; you cannot " + actionEn);
        }
    }

    private void requireAgendaItem(String agendaItemId) {
        if (agendaItem(agendaItemId).isEmpty()) {
            throw DomainException.notFound("agenda-item.unknown", "本会议议程中没有议题 " + agendaItemId,
                "This meeting's agenda has no item " + agendaItemId);
        }
    }
}
