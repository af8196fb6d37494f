package cn.huiyin.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.huiyin.intake.domain.Grievance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention rule: a worker's name, mobile and ID number are erased a configurable time after their grievance was
 * closed (withdrawn, merged, or closed by follow-up), keeping everything the statistics need (category, group, place,
 * dates, the pseudonym). Runs daily and can be run by an administrator.
 */
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final int BATCH = 500;

    private final Grievances grievances;
    private final Duration keepFor;
    private final Clock clock;

    public PersonalDataRetention(Grievances grievances, Duration keepFor, Clock clock) {
        this.grievances = grievances;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** @return how many grievances had their worker's identity erased */
    public int run() {
        Instant now = clock.instant();
        int erased = 0;
        for (Grievance grievance : grievances.closedWithIdentityBefore(now.minus(keepFor), BATCH)) {
            grievance.eraseWorkerIdentity(now);
            grievances.update(grievance);
            erased++;
        }
        if (erased > 0) {
            log.info("Retention: erased the worker identity of {} grievance(s) closed more than {} ago", erased, keepFor);
        }
        return erased;
    }

    public Duration keepFor() {
        return keepFor;
    }
}
