package cn.huiyin.intake.application.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.intake.application.EvidenceStore;
import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.IdempotencyKeys;
import cn.huiyin.intake.application.selfservice.SelfServiceAttempts;
import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.domain.Grievance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention rule: a configurable time after a grievance was closed (withdrawn, merged, or closed by follow-up),
 * everything personal about it is erased — the worker's name, mobile, ID number and pseudonym, the query code's hash,
 * their words, the exact place, the references, the evidence files — keeping what the statistics need (category,
 * group, platform, district, dates). The same run forgets query codes kept for replayed submissions and old
 * self-service counts.
 *
 * <p>Every instance schedules it; one of them runs it each night ({@link ScheduledRuns}). A grievance that cannot be
 * erased now (changed meanwhile, unreadable) is skipped and counted, and the run goes on with the others; the next
 * run tries it again.
 */
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final int BATCH = 200;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** What a run did. */
    public record Run(int erased, int skipped) {
    }

    private final Grievances grievances;
    private final EvidenceStore evidence;
    private final IdempotencyKeys idempotencyKeys;
    private final SelfServiceAttempts attempts;
    private final ScheduledRuns runs;
    private final Duration keepFor;
    private final Duration replayWindow;
    private final Clock clock;

    public PersonalDataRetention(Grievances grievances, EvidenceStore evidence, IdempotencyKeys idempotencyKeys,
                                 SelfServiceAttempts attempts, ScheduledRuns runs, Duration keepFor,
                                 Duration replayWindow, Clock clock) {
        this.grievances = grievances;
        this.evidence = evidence;
        this.idempotencyKeys = idempotencyKeys;
        this.attempts = attempts;
        this.runs = runs;
        this.keepFor = keepFor;
        this.replayWindow = replayWindow;
        this.clock = clock;
    }

    /** The nightly run, if no other instance has done tonight's; empty if another has. */
    public Optional<Run> runScheduled(String instance) {
        String key = "retention@" + LocalDate.ofInstant(clock.instant(), BEIJING);
        return runs.claim(key, instance) ? Optional.of(run()) : Optional.empty();
    }

    /** Erases what is due now. */
    public Run run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Set<String> seen = new HashSet<>();
        int erased = 0;
        int skipped = 0;
        while (true) {
            List<String> due = grievances.closedWithPersonalDataBefore(now.minus(keepFor), seen, BATCH);
            if (due.isEmpty()) {
                break;
            }
            for (String id : due) {
                seen.add(id);
                if (erase(id, now)) {
                    erased++;
                } else {
                    skipped++;
                }
            }
        }
        idempotencyKeys.forgetQueryCodes(now.minus(replayWindow));
        attempts.forgetBefore(now);
        if (erased > 0 || skipped > 0) {
            log.info("Retention: erased the personal data of {} grievance(s) closed more than {} ago; {} skipped "
                + "this time", erased, keepFor, skipped);
        }
        return new Run(erased, skipped);
    }

    private boolean erase(String id, Instant now) {
        try {
            Grievance grievance = grievances.find(id).orElse(null);
            if (grievance == null) {
                return false;
            }
            List<Evidence> files = grievance.erasePersonalData(now);
            if (!files.isEmpty()) {
                evidence.deleteAll(id);
            }
            grievances.update(grievance);
            return true;
        } catch (RuntimeException cannotNow) {
            log.warn("Retention: grievance {} skipped this time: {}", id, cannotNow.toString());
            return false;
        }
    }

    public Duration keepFor() {
        return keepFor;
    }
}
