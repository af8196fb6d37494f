package cn.huiyin.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * What clerks and operators do for a worker who asks at a window or on the hotline: add information (补充) and
 * withdraw (撤回), on grievances within their reach.
 */
public class StaffActions {

    private final GrievanceQueries queries;
    private final Grievances grievances;
    private final Clock clock;

    public StaffActions(GrievanceQueries queries, Grievances grievances, Clock clock) {
        this.queries = queries;
        this.grievances = grievances;
        this.clock = clock;
    }

    public GrievanceQueries.Read supplement(Caller caller, String grievanceId, String text) {
        GrievanceQueries.Read read = queries.get(caller, grievanceId);
        read.grievance().supplement(text, "STAFF", now());
        grievances.update(read.grievance());
        return read;
    }

    public GrievanceQueries.Read withdraw(Caller caller, String grievanceId, String reason) {
        GrievanceQueries.Read read = queries.get(caller, grievanceId);
        Grievance grievance = read.grievance();
        grievance.withdraw(reason, "STAFF", now());
        grievances.update(grievance);
        return read;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
