package cn.huiyin.followup.domain.clock;

import static org.assertj.core.api.Assertions.assertThat;

import static cn.huiyin.followup.domain.Fixtures.TIME;
import static cn.huiyin.followup.domain.Fixtures.WED_TO_FRI;
import static cn.huiyin.followup.domain.Fixtures.beijing;

import java.time.Duration;

import cn.huiyin.followup.domain.supervision.LadderStep;
import org.junit.jupiter.api.Test;

/**
 * A time limit on the platform calendar, office hours 09:00–12:00 and 13:30–17:30: the steps of the ladder fall at
 * 75 % and twice the allowed working time, pauses stop the clock and move the deadline, an extension grows the
 * allowance. Expected instants are worked out by hand in each test's comment.
 */
class LimitTest {

    @Test
    void theAllowanceIsTheWorkingTimeFromStartToDeadline() {
        assertThat(WED_TO_FRI.allowed()).isEqualTo(Duration.ofHours(20));
    }

    @Test
    void theReminderFallsAt75PercentAndTheRedCardAtTwiceTheAllowedWorkingTime() {
        // 15 h: Wednesday 6 h (to 17:30), Thursday 7 h, Friday 09:00-11:00.
        assertThat(WED_TO_FRI.stepDueAt(LadderStep.REMINDER_75, TIME)).contains(beijing(2026, 12, 4, 11, 0));
        assertThat(WED_TO_FRI.stepDueAt(LadderStep.REMINDER_AT_LIMIT, TIME)).contains(beijing(2026, 12, 4, 17, 30));
        assertThat(WED_TO_FRI.stepDueAt(LadderStep.YELLOW_CARD, TIME)).contains(beijing(2026, 12, 4, 17, 30));
        // 40 h: 20 h to Friday 17:30, Monday 7, Tuesday 7, Wednesday 09:00-12:00 and 13:30-16:30.
        assertThat(WED_TO_FRI.stepDueAt(LadderStep.RED_CARD, TIME)).contains(beijing(2026, 12, 9, 16, 30));
    }

    @Test
    void aPausedClockIsNeverOverdueAndItsDeadlineMovesByTheWorkingTimeSpentWaiting() {
        Limit paused = WED_TO_FRI.pausedAt(beijing(2026, 12, 3, 9, 0));

        assertThat(paused.isOverdue(beijing(2026, 12, 7, 8, 0))).isFalse();
        assertThat(paused.stepDueAt(LadderStep.YELLOW_CARD, TIME)).isEmpty();

        // Waited Thursday and Friday: 14 office hours; Friday 17:30 + 14 h = Tuesday 8 December 17:30.
        Limit resumed = paused.resumedAt(beijing(2026, 12, 7, 9, 0), TIME);
        assertThat(resumed.dueAt()).isEqualTo(beijing(2026, 12, 8, 17, 30));
        assertThat(resumed.isOverdue(beijing(2026, 12, 8, 17, 29))).isFalse();
        assertThat(resumed.isOverdue(beijing(2026, 12, 8, 17, 30))).isTrue();
        // 15 h of running time: Wednesday 6 h, then from Monday 09:00: 7 h, Tuesday 09:00-11:00.
        assertThat(resumed.stepDueAt(LadderStep.REMINDER_75, TIME)).contains(beijing(2026, 12, 8, 11, 0));
    }

    @Test
    void anExtensionGrowsTheAllowanceWithTheDeadline() {
        Limit extended = WED_TO_FRI.movedTo(beijing(2026, 12, 8, 17, 30), TIME);

        assertThat(extended.allowed()).isEqualTo(Duration.ofHours(34));
        assertThat(extended.dueAt()).isEqualTo(beijing(2026, 12, 8, 17, 30));
    }

    @Test
    void theClockSkipsTheSpringFestivalAndCountsTheAdjustedSaturday() {
        // Saturday 14 February 2026 is a working day (调休); 15-23 February are holidays. 6 h on the Saturday, 7 h on
        // Tuesday 24 February: 13 h allowed; 75 % = 9.75 h = the Saturday's 6 h, then Tuesday 09:00-12:00, 13:30-14:15.
        Limit limit = Limit.until("RESPONSE", LimitKind.RESPONSE, beijing(2026, 2, 14, 10, 0),
            beijing(2026, 2, 24, 17, 30), WorkingTime.OFFICE_HOURS, TIME);

        assertThat(limit.allowed()).isEqualTo(Duration.ofHours(13));
        assertThat(limit.stepDueAt(LadderStep.REMINDER_75, TIME)).contains(beijing(2026, 2, 24, 14, 15));
        assertThat(limit.workingTimeLeft(beijing(2026, 2, 20, 12, 0), TIME)).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void aMetLimitTakesNoMoreSteps() {
        Limit met = WED_TO_FRI.stoppedAt(beijing(2026, 12, 3, 15, 0));

        assertThat(met.wasMet()).isTrue();
        assertThat(met.isOverdue(beijing(2026, 12, 10, 9, 0))).isFalse();
        for (LadderStep step : LadderStep.values()) {
            assertThat(met.stepDueAt(step, TIME)).isEmpty();
        }
    }
}
