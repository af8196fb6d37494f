package cn.huiyin.followup.domain.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.WorkingTime;

/**
 * The supervision ladder's arithmetic (督办阶梯): which steps are due now and when the next one will be. A step is
 * identified by (subject, limit, step); once issued it is never due again, however the deadline moves. When a scan
 * finds several reminders of one limit due at once (the service was down, or the clock was moved), only the latest is
 * sent and the earlier ones are recorded as superseded; escalations are never skipped.
 */
public final class Ladder {

    /** A step that has fallen due for a limit. */
    public record Due(Limit limit, LadderStep step, Instant dueAt, boolean superseded) {
    }

    private Ladder() {
    }

    public static String stepId(String subjectId, String limitId, LadderStep step) {
        return subjectId + "/" + limitId + "/" + step.name();
    }

    /** The steps due at {@code now} and not yet issued, in ladder order per limit. */
    public static List<Due> due(List<Limit> limits, Collection<IssuedStep> issued, Instant now, WorkingTime time) {
        List<Due> due = new ArrayList<>();
        for (Limit limit : limits) {
            List<Due> ofLimit = new ArrayList<>();
            for (LadderStep step : limit.kind().steps()) {
                if (isIssued(issued, limit.id(), step)) {
                    continue;
                }
                limit.stepDueAt(step, time).filter(at -> !at.isAfter(now))
                    .ifPresent(at -> ofLimit.add(new Due(limit, step, at, false)));
            }
            LadderStep latestReminder = ofLimit.stream().map(Due::step).filter(LadderStep::isReminder)
                .reduce((first, second) -> second).orElse(null);
            for (Due step : ofLimit) {
                boolean superseded = step.step().isReminder() && step.step() != latestReminder;
                due.add(superseded ? new Due(step.limit(), step.step(), step.dueAt(), true) : step);
            }
        }
        return due;
    }

    /** When the next step of any running limit falls due; empty when nothing is left to watch. */
    public static Optional<Instant> nextDue(List<Limit> limits, Collection<IssuedStep> issued, WorkingTime time) {
        Instant next = null;
        for (Limit limit : limits) {
            for (LadderStep step : limit.kind().steps()) {
                if (isIssued(issued, limit.id(), step)) {
                    continue;
                }
                Optional<Instant> at = limit.stepDueAt(step, time);
                if (at.isPresent() && (next == null || at.get().isBefore(next))) {
                    next = at.get();
                }
                // Steps of one limit come in order: the first one not yet issued is the next for this limit.
                break;
            }
        }
        return Optional.ofNullable(next);
    }

    public static boolean isIssued(Collection<IssuedStep> issued, String limitId, LadderStep step) {
        return issued.stream().anyMatch(s -> s.limitId().equals(limitId) && s.step() == step);
    }
}
