package cn.huiyin.followup;

import java.time.Clock;
import java.time.Duration;

import cn.huiyin.followup.application.ActionItems;
import cn.huiyin.followup.application.CaseChanges;
import cn.huiyin.followup.application.CaseFiles;
import cn.huiyin.followup.application.CaseQueries;
import cn.huiyin.followup.application.Callbacks;
import cn.huiyin.followup.application.Extensions;
import cn.huiyin.followup.application.FollowGrievances;
import cn.huiyin.followup.application.HandleCases;
import cn.huiyin.followup.application.OrganisationDirectory;
import cn.huiyin.followup.application.Organisations;
import cn.huiyin.followup.application.ResolveCases;
import cn.huiyin.followup.application.SuperviseDeadlines;
import cn.huiyin.followup.application.TrackActionItems;
import cn.huiyin.followup.application.WorkerVerification;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.calendar.ChinaCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires follow-up's use cases, which are plain Java, to their adapters, the platform calendar and the clock. */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {

    @Bean
    ChinaCalendar chinaCalendar() {
        return ChinaCalendar.builtIn();
    }

    @Bean
    WorkingTime workingTime(ChinaCalendar calendar) {
        return new WorkingTime(calendar);
    }

    @Bean
    Organisations organisations(OrganisationDirectory directory) {
        return new Organisations(directory);
    }

    @Bean
    CaseChanges caseChanges(CaseFiles cases, Organisations organisations, WorkingTime time) {
        return new CaseChanges(cases, organisations, time);
    }

    @Bean
    FollowGrievances followGrievances(CaseChanges changes, Organisations organisations) {
        return new FollowGrievances(changes, organisations);
    }

    @Bean
    HandleCases handleCases(CaseChanges changes, Clock clock) {
        return new HandleCases(changes, clock);
    }

    @Bean
    Extensions extensions(CaseChanges changes, Clock clock) {
        return new Extensions(changes, clock);
    }

    @Bean
    ResolveCases resolveCases(CaseChanges changes, ActionItems actionItems, Clock clock) {
        return new ResolveCases(changes, actionItems, clock);
    }

    @Bean
    Callbacks callbacks(CaseChanges changes, WorkerVerification workers, Clock clock) {
        return new Callbacks(changes, workers, clock);
    }

    @Bean
    TrackActionItems trackActionItems(ActionItems items, Organisations organisations, WorkingTime time, Clock clock) {
        return new TrackActionItems(items, organisations, time, clock);
    }

    @Bean
    SuperviseDeadlines superviseDeadlines(CaseFiles cases, CaseChanges changes, TrackActionItems actionItems,
                                          Organisations organisations, Clock clock) {
        return new SuperviseDeadlines(cases, changes, actionItems, organisations, clock);
    }

    @Bean
    CaseQueries caseQueries(CaseFiles cases, CaseChanges changes, Clock clock) {
        return new CaseQueries(cases, changes, clock);
    }

    @Bean
    SupervisionSchedule supervisionSchedule(SuperviseDeadlines supervise,
                                            @Value("${huiyin.follow-up.supervision.scan-interval:30s}") Duration every) {
        return new SupervisionSchedule(supervise, every);
    }
}
