package cn.huiyin.jointmeeting.application.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.domain.meeting.DueDates;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.meeting.MeetingKind;
import cn.huiyin.jointmeeting.domain.meeting.WorkerRepresentative;
import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/** A convener calls a joint meeting of their organisation: time, place or video link, who is invited. */
public class ScheduleMeeting {

    /** What the convener asks for; organisations by id, checked against the registry. */
    public record Request(MeetingKind kind, String title, Instant startsAt, Instant endsAt,
                          String place, String videoLink, List<String> invitedDepartmentIds,
                          List<String> invitedEnterpriseIds, List<WorkerRepresentative> workerRepresentatives) {
    }

    private static final Pattern VIDEO_LINK = Pattern.compile("https://\\S+");
    /** Five digits in a row: part of a phone or ID number, never of a role such as 骑手代表. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("[0-9０-９]{5}");

    private final Meetings meetings;
    private final OrganisationStore organisations;
    private final Clock clock;

    public ScheduleMeeting(Meetings meetings, OrganisationStore organisations, Clock clock) {
        this.meetings = meetings;
        this.organisations = organisations;
        this.clock = clock;
    }

    public JointMeeting schedule(Caller caller, Request request) {
        KnownOrganisation convener = organisations.find(caller.organisationId()).orElseThrow(() ->
            DomainException.conflict("organisation.unknown", "组织名录中还没有贵单位（" + caller.organisationId() + "），暂不能召集会议",
                "Your organisation (" + caller.organisationId() + ") is not in the registry yet; it cannot convene"));
        List<FieldProblem> problems = new ArrayList<>();
        if (!request.endsAt().isAfter(request.startsAt())) {
            problems.add(new FieldProblem("endsAt", "meeting.ends-before-start", "结束时间应晚于开始时间",
                "must be after startsAt"));
        }
        if ((request.place() == null || request.place().isBlank())
            && (request.videoLink() == null || request.videoLink().isBlank())) {
            problems.add(new FieldProblem("place", "meeting.no-place", "请填写会议地点或视频会议链接",
                "give a place or a video link"));
        }
        if (request.videoLink() != null && !request.videoLink().isBlank() && !VIDEO_LINK.matcher(request.videoLink()).matches()) {
            problems.add(new FieldProblem("videoLink", "meeting.video-link", "应为 https:// 开头的视频会议链接",
                "must be a video-meeting link starting with https://"));
        }
        List<WorkerRepresentative> representatives = request.workerRepresentatives() == null ? List.of()
            : request.workerRepresentatives();
        for (int i = 0; i < representatives.size(); i++) {
            if (PERSONAL_NUMBER.matcher(representatives.get(i).label()).find()) {
                problems.add(new FieldProblem("workerRepresentatives[" + i + "].label", "representative.personal-data",
                    "只填写职工代表的身份（如“骑手代表”），不得含有电话号码、身份证号等个人信息",
                    "give the representatives' role only (e.g. rider representatives), no phone or ID numbers"));
            }
        }
        List<OrganisationRef> departments = invitees(request.invitedDepartmentIds(), "invitedDepartmentIds", false,
            problems);
        List<OrganisationRef> enterprises = invitees(request.invitedEnterpriseIds(), "invitedEnterpriseIds", true,
            problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        String id = meetings.nextId(DueDates.meetingDay(request.startsAt()));
        JointMeeting meeting = JointMeeting.schedule(id, new JointMeeting.Details(request.kind(), request.title().strip(),
            request.startsAt(), request.endsAt(), blankToNull(request.place()), blankToNull(request.videoLink()),
            departments, enterprises, representatives), convener.ref(), caller.username(),
            clock.instant());
        if (!meetings.addIfAbsent(meeting)) {
            throw new IllegalStateException("Meeting number " + id + " was handed out twice");
        }
        return meeting;
    }

    private List<OrganisationRef> invitees(List<String> ids, String field, boolean enterprises,
                                           List<FieldProblem> problems) {
        List<OrganisationRef> found = new ArrayList<>();
        List<String> given = ids == null ? List.of() : ids;
        for (int i = 0; i < given.size(); i++) {
            String path = field + "[" + i + "]";
            KnownOrganisation org = organisations.find(given.get(i)).orElse(null);
            if (org == null || !org.active()) {
                problems.add(new FieldProblem(path, "organisation.unknown", "组织名录中没有该单位（或已停用）：" + given.get(i),
                    "no such (active) organisation in the registry: " + given.get(i)));
            } else if (enterprises != org.isEnterprise()) {
                problems.add(new FieldProblem(path, enterprises ? "organisation.not-enterprise" : "organisation.not-department",
                    org.name() + (enterprises ? " 不是企业" : " 是企业，请列入受邀企业"),
                    org.id() + (enterprises ? " is not an enterprise" : " is an enterprise; list it among the enterprises")));
            } else if (found.stream().anyMatch(ref -> ref.id().equals(org.id()))) {
                problems.add(new FieldProblem(path, "organisation.twice", "重复邀请", "invited twice"));
            } else {
                found.add(org.ref());
            }
        }
        return found;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
