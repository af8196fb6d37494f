package cn.huiyin.followup.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.huiyin.followup.domain.supervision.LadderStep;

/**
 * A time limit (时限) and how it stands: when it started, the working time it allows, its deadline now, the pauses
 * while the case waited for the worker, and when it was met. The deadline moves with pauses (by the working time spent
 * waiting), extensions and triage's corrections; the limit's identity does not, so the supervision ladder never
 * repeats a step for it (see {@code Ladder}).
 *
 * <p>Every deadline question about one limit has its one answer here: {@link #isOverdue}, {@link #workingTimeLeft},
 * and when a step of the ladder falls due, {@link #stepDueAt}.
 *
 * @param id             e.g. {@code RESPONSE}, {@code RESOLUTION-1}, {@code RESOLUTION-2} after a reopen
 * @param allowedSeconds the working time the limit allows, in {@code hours}; grows with approved extensions
 * @param hours          office hours the limit counts in, or {@code 24x7}
 * @param stoppedAt      when the limit was met (first contact, resolution, completion) or ended
 */
public record Limit(String id, LimitKind kind, Instant startedAt, Instant dueAt, long allowedSeconds, String hours,
                    List<Pause> pauses, Instant stoppedAt) {

    /** A stretch during which the clock stood still (等待补充材料); {@code to} is null while it lasts. */
    public record Pause(Instant from, Instant to) {
        public boolean isOpen() {
            return to == null;
        }
    }

    public Limit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        hours = hours == null ? WorkingTime.OFFICE_HOURS : hours;
    }

    /** A limit from {@code startedAt} to the deadline another service set (triage counts from submission). */
    public static Limit until(String id, LimitKind kind, Instant startedAt, Instant dueAt, String hours, WorkingTime time) {
        long allowed = Math.max(0, time.between(startedAt, dueAt, hours).toSeconds());
        return new Limit(id, kind, startedAt, dueAt, allowed, hours, List.of(), null);
    }

    /** A limit allowing {@code allowed} working time from {@code startedAt} (a reopen's new limit). */
    public static Limit lasting(String id, LimitKind kind, Instant startedAt, Duration allowed, String hours,
                                WorkingTime time) {
        return new Limit(id, kind, startedAt, time.plus(startedAt, allowed, hours), allowed.toSeconds(), hours, List.of(),
            null);
    }

    public Duration allowed() {
        return Duration.ofSeconds(allowedSeconds);
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /** Still counting: neither met nor waiting for the worker. */
    public boolean isRunning() {
        return !isStopped() && !isPaused();
    }

    /** Overdue (超期): running and its deadline has come. A paused clock is never overdue. */
    public boolean isOverdue(Instant now) {
        return isRunning() && !now.isBefore(dueAt);
    }

    /** Met in time: stopped no later than its deadline. */
    public boolean wasMet() {
        return isStopped() && !stoppedAt.isAfter(dueAt);
    }

    /**
     * Working time left until the deadline (剩余工作时间); negative once overdue. While paused, what was left when the
     * pause began.
     */
    public Duration workingTimeLeft(Instant now, WorkingTime time) {
        Instant from = isPaused() ? pauses.get(pauses.size() - 1).from() : isStopped() ? stoppedAt : now;
        return time.between(from, dueAt, hours);
    }

    /**
     * When {@code step} of the supervision ladder falls due for this limit: 75 % of the allowed working time (pauses
     * excluded), the deadline, or twice the allowed time; empty while the clock is paused or once it stopped.
     */
    public Optional<Instant> stepDueAt(LadderStep step, WorkingTime time) {
        if (!isRunning()) {
            return Optional.empty();
        }
        return switch (step) {
            case REMINDER_75 -> instantAt(0.75, time).map(at -> at.isAfter(dueAt) ? dueAt : at);
            case REMINDER_AT_LIMIT, YELLOW_CARD -> Optional.of(dueAt);
            case RED_CARD -> instantAt(2.0, time).map(at -> at.isBefore(dueAt) ? dueAt : at);
        };
    }

    /**
     * The instant at which {@code fraction} of the allowed working time has been used, skipping the pauses; empty if
     * the clock stands still before it is reached.
     */
    Optional<Instant> instantAt(double fraction, WorkingTime time) {
        Duration remaining = Duration.ofSeconds(Math.round(allowedSeconds * fraction));
        Instant cursor = startedAt;
        for (Pause pause : pauses) {
            Duration before = time.between(cursor, pause.from(), hours);
            if (!before.isNegative() && before.compareTo(remaining) >= 0) {
                return Optional.of(time.plus(cursor, remaining, hours));
            }
            remaining = remaining.minus(before.isNegative() ? Duration.ZERO : before);
            if (pause.isOpen()) {
                return Optional.empty();
            }
            cursor = pause.to();
        }
        return Optional.of(time.plus(cursor, remaining, hours));
    }

    /** The clock stands still from {@code at} (material requested from the worker). */
    public Limit pausedAt(Instant at) {
        if (!isRunning()) {
            return this;
        }
        List<Pause> more = new ArrayList<>(pauses);
        more.add(new Pause(at, null));
        return new Limit(id, kind, startedAt, dueAt, allowedSeconds, hours, more, stoppedAt);
    }

    /** The clock runs again; the deadline moves by the working time spent waiting. */
    public Limit resumedAt(Instant at, WorkingTime time) {
        if (!isPaused()) {
            return this;
        }
        List<Pause> closed = new ArrayList<>(pauses);
        Pause open = closed.remove(closed.size() - 1);
        Instant to = at.isBefore(open.from()) ? open.from() : at;
        closed.add(new Pause(open.from(), to));
        Duration waited = time.between(open.from(), to, hours);
        return new Limit(id, kind, startedAt, time.plus(dueAt, waited, hours), allowedSeconds, hours, closed, stoppedAt);
    }

    /** The deadline moves to {@code newDueAt} (an approved extension, or triage's re-count): the allowance with it. */
    public Limit movedTo(Instant newDueAt, WorkingTime time) {
        long added = time.between(dueAt, newDueAt, hours).toSeconds();
        return new Limit(id, kind, startedAt, newDueAt, Math.max(0, allowedSeconds + added), hours, pauses, stoppedAt);
    }

    /** Counting from an earlier (or later) start, the deadline unchanged: the submission instant arrived late. */
    public Limit countedFrom(Instant start, WorkingTime time) {
        if (start.equals(startedAt) || !pauses.isEmpty()) {
            return this;
        }
        return until(id, kind, start, dueAt, hours, time).stoppedAt(stoppedAt);
    }

    /** The limit is met, or ended (a case closed, merged or withdrawn). */
    public Limit stoppedAt(Instant at) {
        if (isStopped() || at == null) {
            return this;
        }
        Limit limit = isPaused() ? closePause(at) : this;
        return new Limit(id, kind, startedAt, limit.dueAt, allowedSeconds, hours, limit.pauses, at);
    }

    private Limit closePause(Instant at) {
        List<Pause> closed = new ArrayList<>(pauses);
        Pause open = closed.remove(closed.size() - 1);
        closed.add(new Pause(open.from(), at.isBefore(open.from()) ? open.from() : at));
        return new Limit(id, kind, startedAt, dueAt, allowedSeconds, hours, closed, stoppedAt);
    }
}
