package cn.huiyin.jointmeeting.application.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.EffectivenessCheck;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;

/**
 * Did a decision work (成效评估)? Counts the complaints of the decided item's category in its place over the
 * {@value #WINDOW_DAYS} days before the meeting and the {@value #WINDOW_DAYS} days after, from joint-meeting's own
 * record of triage's cases (counted on the day triage first classified each).
 */
public class Effectiveness {

    public static final int WINDOW_DAYS = 30;

    private final TrackedGrievances grievances;
    private final Clock clock;

    public Effectiveness(TrackedGrievances grievances, Clock clock) {
        this.grievances = grievances;
        this.clock = clock;
    }

    public EffectivenessCheck check(JointMeeting earlier, AgendaItem item) {
        Instant decidedAt = earlier.details().startsAt();
        Duration window = Duration.ofDays(WINDOW_DAYS);
        Instant now = clock.instant();
        long before = 0;
        long after = 0;
        if (item.category() != null && item.divisionCode() != null) {
            before = grievances.countTriaged(item.category(), item.divisionCode(), decidedAt.minus(window), decidedAt);
            after = grievances.countTriaged(item.category(), item.divisionCode(), decidedAt, decidedAt.plus(window));
        }
        return new EffectivenessCheck(earlier.id(), item.agendaItemId(), decidedAt, item.category(), item.divisionCode(),
            WINDOW_DAYS, before, after, !now.isBefore(decidedAt.plus(window)), now);
    }
}
