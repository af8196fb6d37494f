package cn.huiyin.jointmeeting.application.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.domain.meeting.ActionItem;
import cn.huiyin.jointmeeting.domain.meeting.Decision;
import cn.huiyin.jointmeeting.domain.meeting.DecisionOutcome;
import cn.huiyin.jointmeeting.domain.meeting.DueDates;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.DayDescription;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/**
 * Turns a convener's decision as sent into a decision of the meeting, or into one problem per bad field: an item
 * without a lead, an organisation the registry does not know or the meeting did not invite, a due date on or before
 * the meeting day or on a day off. Nothing is stored unless every field is right.
 */
public class DecisionDrafting {

    /** The decision as sent. */
    public record Draft(DecisionOutcome outcome, String messageToWorkers, LocalDate reviewDate, List<ItemDraft> actionItems) {

        public Draft {
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        }
    }

    /** One action item as sent: a due date, or a number of working days after the meeting day, not both. */
    public record ItemDraft(String leadOrganisationId, List<String> coOrganiserIds, String task, String expectedOutcome,
                     LocalDate dueDate, Integer dueInWorkingDays) {

        public ItemDraft {
            coOrganiserIds = coOrganiserIds == null ? List.of() : List.copyOf(coOrganiserIds);
        }
    }

    /** How far ahead a due date may lie: a year of working days. */
    static final int MAX_WORKING_DAYS = 250;

    private final OrganisationStore organisations;
    private final DueDates dueDates;

    DecisionDrafting(OrganisationStore organisations, DueDates dueDates) {
        this.organisations = organisations;
        this.dueDates = dueDates;
    }

    Decision draft(JointMeeting meeting, String agendaItemId, Draft draft, String by, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate meetingDay = DueDates.meetingDay(meeting.details().startsAt());
        if (draft.outcome() == null) {
            problems.add(required("outcome"));
        }
        if (draft.messageToWorkers() == null || draft.messageToWorkers().isBlank()) {
            problems.add(new FieldProblem("messageToWorkers", "NotBlank", "请填写告知职工的会商意见（不采取措施时写明理由）",
                "is required: what the workers are told (with no action, why)"));
        }
        if (draft.outcome() == DecisionOutcome.ACTIONS && draft.actionItems().isEmpty()) {
            problems.add(new FieldProblem("actionItems", "decision.no-items", "决定采取措施时至少应有一项督办事项",
                "a decision to act needs at least one action item"));
        }
        if (draft.outcome() == DecisionOutcome.NO_ACTION && !draft.actionItems().isEmpty()) {
            problems.add(new FieldProblem("actionItems", "decision.items-without-action", "不采取措施的决定不应有督办事项",
                "a decision not to act has no action items"));
        }
        if (draft.reviewDate() != null && !draft.reviewDate().isAfter(meetingDay)) {
            problems.add(new FieldProblem("reviewDate", "review-date.not-after-meeting", "评估日期应晚于会议日期 " + meetingDay,
                "must be after the meeting day " + meetingDay));
        }
        List<ActionItem> items = new ArrayList<>();
        for (int i = 0; i < draft.actionItems().size(); i++) {
            item(meeting, meetingDay, draft.actionItems().get(i), "actionItems[" + i + "]", problems).ifPresent(items::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        LocalDate reviewDate = draft.reviewDate() != null ? draft.reviewDate()
            : draft.outcome() == DecisionOutcome.ACTIONS ? meetingDay.plusDays(30) : null;
        return new Decision(agendaItemId, draft.outcome(), draft.messageToWorkers().strip(), items, reviewDate, by, now,
            List.of());
    }

    private Optional<ActionItem> item(JointMeeting meeting, LocalDate meetingDay, ItemDraft draft, String path,
                                      List<FieldProblem> problems) {
        int before = problems.size();
        Optional<KnownOrganisation> lead = Optional.empty();
        if (draft.leadOrganisationId() == null || draft.leadOrganisationId().isBlank()) {
            problems.add(new FieldProblem(path + ".leadOrganisationId", "action-item.no-lead", "每项督办事项都应有牵头单位",
                "every action item needs a lead organisation"));
        } else {
            lead = participant(meeting, draft.leadOrganisationId(), path + ".leadOrganisationId", problems);
        }
        List<OrganisationRef> helpers = new ArrayList<>();
        for (int j = 0; j < draft.coOrganiserIds().size(); j++) {
            String id = draft.coOrganiserIds().get(j);
            String field = path + ".coOrganiserIds[" + j + "]";
            if (id.equals(draft.leadOrganisationId()) || helpers.stream().anyMatch(h -> h.id().equals(id))) {
                problems.add(new FieldProblem(field, "co-organiser.twice", "配合单位重复，或与牵头单位相同",
                    "listed twice, or the same as the lead"));
            } else {
                participant(meeting, id, field, problems).ifPresent(org -> helpers.add(org.ref()));
            }
        }
        if (draft.task() == null || draft.task().isBlank()) {
            problems.add(required(path + ".task"));
        }
        if (draft.expectedOutcome() == null || draft.expectedOutcome().isBlank()) {
            problems.add(required(path + ".expectedOutcome"));
        }
        DueDates.Due due = due(meeting, meetingDay, draft, lead, path, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ActionItem(null, lead.orElseThrow().ref(), helpers, draft.task().strip(),
            draft.expectedOutcome().strip(), due.date(), due.at(), due.warnings(), null));
    }

    private DueDates.Due due(JointMeeting meeting, LocalDate meetingDay, ItemDraft draft,
                             Optional<KnownOrganisation> lead, String path, List<FieldProblem> problems) {
        BusinessHours hours = lead.map(KnownOrganisation::hours).orElse(BusinessHours.STANDARD);
        if ((draft.dueDate() == null) == (draft.dueInWorkingDays() == null)) {
            problems.add(new FieldProblem(path + ".dueDate", "due.one-of", "请填写办结日期（dueDate）或会后工作日数（dueInWorkingDays），二者取其一",
                "give either dueDate or dueInWorkingDays"));
            return null;
        }
        if (draft.dueInWorkingDays() != null) {
            if (draft.dueInWorkingDays() < 1 || draft.dueInWorkingDays() > MAX_WORKING_DAYS) {
                problems.add(new FieldProblem(path + ".dueInWorkingDays", "due.working-days", "应在 1 到 " + MAX_WORKING_DAYS + " 个工作日之间",
                    "must be between 1 and " + MAX_WORKING_DAYS + " working days"));
                return null;
            }
            return dueDates.afterWorkingDays(meeting.details().startsAt(), draft.dueInWorkingDays(), hours);
        }
        if (!draft.dueDate().isAfter(meetingDay)) {
            problems.add(new FieldProblem(path + ".dueDate", "due.not-after-meeting",
                "办结日期应晚于会议日期 " + meetingDay, "must be after the meeting day " + meetingDay));
            return null;
        }
        DayDescription day = dueDates.describe(draft.dueDate());
        if (!day.isWorkingDay()) {
            LocalDate next = dueDates.nextWorkingDayAfter(draft.dueDate());
            String name = day.name().orElse("休息日");
            problems.add(new FieldProblem(path + ".dueDate", "due.day-off",
                draft.dueDate() + " 是" + name + "（非工作日），下一个工作日是 " + next,
                draft.dueDate() + " is a day off (" + name + "); the next working day is " + next));
            return null;
        }
        return dueDates.on(draft.dueDate(), hours);
    }

    private Optional<KnownOrganisation> participant(JointMeeting meeting, String id, String field,
                                                    List<FieldProblem> problems) {
        Optional<KnownOrganisation> org = organisations.find(id).filter(KnownOrganisation::active);
        if (org.isEmpty()) {
            problems.add(new FieldProblem(field, "organisation.unknown", "组织名录中没有该单位（或已停用）：" + id,
                "no such (active) organisation in the registry: " + id));
        } else if (!meeting.invites(id)) {
            problems.add(new FieldProblem(field, "organisation.not-invited", org.get().name() + " 未受邀参加本会议",
                id + " is not invited to this meeting"));
            return Optional.empty();
        }
        return org;
    }

    private static FieldProblem required(String field) {
        return new FieldProblem(field, "NotBlank", "必填", "is required");
    }
}
