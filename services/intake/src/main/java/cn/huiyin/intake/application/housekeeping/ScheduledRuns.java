package cn.huiyin.intake.application.housekeeping;

/**
 * Lets one instance among all replicas do a scheduled job's run: the first to claim a run by its key (the job and
 * its period, e.g. {@code retention@2026-12-03}) does it; the others, whose schedules fire at the same time, see it
 * claimed and skip it. A run that dies midway is not repeated in that period; the next period's run picks up what is
 * left, since each job works on whatever is due.
 */
public interface ScheduledRuns {

    /** @return whether this caller claimed the run (false: another instance has it) */
    boolean claim(String runKey, String instance);
}
