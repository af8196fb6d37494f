package cn.huiyin.followup.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a case spent in one stage (分拨, 待签收, 待联系, 办理中, 等待补充材料, 待回访 ...), in working time of the
 * case's hours and in clock time, so the dashboard can report distributions.
 *
 * @param stage a {@code CaseStatus} name
 */
public record StageSpan(String stage, Instant from, Instant to, long workingMinutes, long clockMinutes) {

    public StageSpan {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static StageSpan of(String stage, Instant from, Instant to, String hours, WorkingTime time) {
        Instant end = to.isBefore(from) ? from : to;
        return new StageSpan(stage, from, end, time.between(from, end, hours).toMinutes(),
            Duration.between(from, end).toMinutes());
    }
}
