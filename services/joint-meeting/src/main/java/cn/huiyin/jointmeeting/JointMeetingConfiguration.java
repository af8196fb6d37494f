package cn.huiyin.jointmeeting;

import java.time.Clock;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.application.meeting.AgendaPlanning;
import cn.huiyin.jointmeeting.application.meeting.Effectiveness;
import cn.huiyin.jointmeeting.application.meeting.FollowThrough;
import cn.huiyin.jointmeeting.application.meeting.MeetingAccess;
import cn.huiyin.jointmeeting.application.meeting.MeetingQueries;
import cn.huiyin.jointmeeting.application.meeting.MeetingRecords;
import cn.huiyin.jointmeeting.application.meeting.ScheduleMeeting;
import cn.huiyin.jointmeeting.application.review.CaseJointReview;
import cn.huiyin.jointmeeting.application.review.FollowOrganisations;
import cn.huiyin.jointmeeting.application.review.FollowTriage;
import cn.huiyin.jointmeeting.application.review.ReviewQueue;
import cn.huiyin.jointmeeting.application.review.ReviewRequestIntake;
import cn.huiyin.jointmeeting.domain.meeting.DueDates;
import cn.huiyin.platform.calendar.ChinaCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires joint-meeting's use cases, which are plain Java, to their adapters and to the platform calendar. */
@Configuration(proxyBeanMethods = false)
class JointMeetingConfiguration {

    @Bean
    ChinaCalendar chinaCalendar() {
        return ChinaCalendar.builtIn();
    }

    @Bean
    DueDates dueDates(ChinaCalendar calendar) {
        return new DueDates(calendar);
    }

    @Bean
    FollowTriage followTriage(TrackedGrievances grievances) {
        return new FollowTriage(grievances);
    }

    @Bean
    FollowOrganisations followOrganisations(OrganisationStore organisations) {
        return new FollowOrganisations(organisations);
    }

    @Bean
    ReviewRequestIntake reviewRequestIntake(ReviewRequests requests, Meetings meetings, TrackedGrievances grievances,
                                            OrganisationStore organisations, Clock clock) {
        return new ReviewRequestIntake(requests, meetings, grievances, organisations, clock);
    }

    @Bean
    MeetingAccess meetingAccess(Meetings meetings, OrganisationStore organisations) {
        return new MeetingAccess(meetings, organisations);
    }

    @Bean
    ScheduleMeeting scheduleMeeting(Meetings meetings, OrganisationStore organisations, Clock clock) {
        return new ScheduleMeeting(meetings, organisations, clock);
    }

    @Bean
    Effectiveness effectiveness(TrackedGrievances grievances, Clock clock) {
        return new Effectiveness(grievances, clock);
    }

    @Bean
    AgendaPlanning agendaPlanning(MeetingAccess access, Meetings meetings, ReviewRequests requests,
                                  Effectiveness effectiveness, Clock clock) {
        return new AgendaPlanning(access, meetings, requests, effectiveness, clock);
    }

    @Bean
    MeetingRecords meetingRecords(MeetingAccess access, Meetings meetings, ReviewRequests requests,
                                  OrganisationStore organisations, DueDates dueDates, Clock clock) {
        return new MeetingRecords(access, meetings, requests, organisations, dueDates, clock);
    }

    @Bean
    FollowThrough followThrough(Meetings meetings) {
        return new FollowThrough(meetings);
    }

    @Bean
    ReviewQueue reviewQueue(ReviewRequests requests, Meetings meetings, TrackedGrievances grievances) {
        return new ReviewQueue(requests, meetings, grievances);
    }

    @Bean
    MeetingQueries meetingQueries(MeetingAccess access, Meetings meetings, OrganisationStore organisations) {
        return new MeetingQueries(access, meetings, organisations);
    }

    @Bean
    CaseJointReview caseJointReview(ReviewRequests requests, Meetings meetings, TrackedGrievances grievances) {
        return new CaseJointReview(requests, meetings, grievances);
    }
}
