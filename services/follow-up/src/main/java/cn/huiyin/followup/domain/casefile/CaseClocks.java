package cn.huiyin.followup.domain.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.LimitKind;
import cn.huiyin.followup.domain.clock.WorkingTime;

/**
 * A case's time limits (时限): the response limit, one resolution limit per handling round, and the reply limits of
 * supervisors' 督办. Counted from submission as triage set them; the resolution clock stands still while the case waits
 * for the worker; an approved extension moves it; a reopen starts a new one.
 */
public final class CaseClocks {

    public static final String RESPONSE = "RESPONSE";

    private final List<Limit> limits;

    CaseClocks(List<Limit> limits) {
        this.limits = new ArrayList<>(limits == null ? List.of() : limits);
    }

    public List<Limit> all() {
        return List.copyOf(limits);
    }

    public boolean isStarted() {
        return !limits.isEmpty();
    }

    public Optional<Limit> find(String limitId) {
        return limits.stream().filter(l -> l.id().equals(limitId)).findFirst();
    }

    public Optional<Limit> response() {
        return find(RESPONSE);
    }

    /** The resolution limit of the current round. */
    public Optional<Limit> resolution() {
        Limit last = null;
        for (Limit limit : limits) {
            if (limit.kind() == LimitKind.RESOLUTION) {
                last = limit;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The limit that matters to the handler now: the response limit until it is met, then the resolution limit. */
    public Optional<Limit> active() {
        Optional<Limit> response = response().filter(l -> !l.isStopped());
        return response.isPresent() ? response : resolution().filter(l -> !l.isStopped());
    }

    static String resolutionId(int round) {
        return "RESOLUTION-" + round;
    }

    void start(Instant start, Instant responseDueAt, Instant resolutionDueAt, String hours, WorkingTime time) {
        limits.add(Limit.until(RESPONSE, LimitKind.RESPONSE, start, responseDueAt, hours, time));
        limits.add(Limit.until(resolutionId(1), LimitKind.RESOLUTION, start, resolutionDueAt, hours, time));
    }

    /** The submission instant arrived after triage's deadlines: count the first limits from it. */
    void countFrom(Instant submittedAt, WorkingTime time) {
        update(RESPONSE, l -> l.countedFrom(submittedAt, time));
        update(resolutionId(1), l -> l.countedFrom(submittedAt, time));
    }

    /** Triage counted the deadlines again (re-classification); true if one moved. */
    boolean moveTo(Instant responseDueAt, Instant resolutionDueAt, WorkingTime time) {
        boolean moved = false;
        if (responseDueAt != null && response().filter(l -> !l.isStopped() && !l.dueAt().equals(responseDueAt)).isPresent()) {
            update(RESPONSE, l -> l.movedTo(responseDueAt, time));
            moved = true;
        }
        Optional<Limit> first = find(resolutionId(1)).filter(l -> !l.isStopped() && l.pauses().isEmpty());
        if (resolutionDueAt != null && first.isPresent() && !first.get().dueAt().equals(resolutionDueAt)) {
            update(resolutionId(1), l -> l.movedTo(resolutionDueAt, time));
            moved = true;
        }
        return moved;
    }

    void stop(String limitId, Instant at) {
        update(limitId, l -> l.stoppedAt(at));
    }

    void stopAll(Instant at) {
        limits.replaceAll(l -> l.stoppedAt(at));
    }

    void pauseResolution(Instant at) {
        resolution().ifPresent(r -> update(r.id(), l -> l.pausedAt(at)));
    }

    void resumeResolution(Instant at, WorkingTime time) {
        resolution().ifPresent(r -> update(r.id(), l -> l.resumedAt(at, time)));
    }

    void extendResolution(Instant to, WorkingTime time) {
        resolution().ifPresent(r -> update(r.id(), l -> l.movedTo(to, time)));
    }

    /** A reopen's limit: as much working time as the first round allowed, from now. */
    Limit reopen(int round, Instant at, String hours, WorkingTime time) {
        Limit first = find(resolutionId(1)).orElseThrow();
        Limit limit = Limit.lasting(resolutionId(round), LimitKind.RESOLUTION, at, first.allowed(), hours, time);
        limits.add(limit);
        return limit;
    }

    Limit addReplyLimit(String limitId, Instant at, Instant dueAt, String hours, WorkingTime time) {
        Limit limit = Limit.until(limitId, LimitKind.SUPERVISION_REPLY, at, dueAt, hours, time);
        limits.add(limit);
        return limit;
    }

    long count(LimitKind kind) {
        return limits.stream().filter(l -> l.kind() == kind).count();
    }

    private void update(String limitId, UnaryOperator<Limit> change) {
        limits.replaceAll(l -> l.id().equals(limitId) ? change.apply(l) : l);
    }
}
