package cn.huiyin.followup.domain.supervision;

import static cn.huiyin.followup.domain.Fixtures.WED_TO_FRI;
import static cn.huiyin.followup.domain.Fixtures.TIME;
import static cn.huiyin.followup.domain.Fixtures.beijing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import cn.huiyin.followup.domain.clock.Limit;
import org.junit.jupiter.api.Test;

/** Which steps of the ladder are due, and that none is due twice for one limit, however its deadline moves. */
class LadderTest {


    @Test
    void pastTheDeadlineTheLatestReminderAndTheYellowCardAreDueAndTheEarlierReminderIsSuperseded() {
        List<Ladder.Due> due = Ladder.due(List.of(WED_TO_FRI), List.of(), beijing(2026, 12, 4, 17, 31), TIME);

        assertThat(due).extracting(d -> d.step() + " " + d.superseded()).containsExactly(
            "REMINDER_75 true", "REMINDER_AT_LIMIT false", "YELLOW_CARD false");
    }

    @Test
    void aStepIssuedIsNeverDueAgainWhenTheDeadlineMoves() {
        List<IssuedStep> issued = new ArrayList<>();
        Ladder.due(List.of(WED_TO_FRI), issued, beijing(2026, 12, 4, 11, 1), TIME)
            .forEach(d -> issued.add(issued(d)));
        assertThat(issued).extracting(IssuedStep::step).containsExactly(LadderStep.REMINDER_75);

        Limit extended = WED_TO_FRI.movedTo(beijing(2026, 12, 8, 17, 30), TIME);

        // The new 75 % point (Monday) passes without a second reminder; the next step is the new deadline.
        assertThat(Ladder.due(List.of(extended), issued, beijing(2026, 12, 8, 12, 0), TIME)).isEmpty();
        assertThat(Ladder.nextDue(List.of(extended), issued, TIME)).contains(beijing(2026, 12, 8, 17, 30));
    }

    @Test
    void aPausedLimitHasNoStepDueAndNoNextStep() {
        Limit paused = WED_TO_FRI.pausedAt(beijing(2026, 12, 3, 9, 0));

        assertThat(Ladder.due(List.of(paused), List.of(), beijing(2026, 12, 20, 9, 0), TIME)).isEmpty();
        assertThat(Ladder.nextDue(List.of(paused), List.of(), TIME)).isEmpty();
    }

    @Test
    void theStepIdIsTheUniqueKeyOfSubjectLimitAndStep() {
        assertThat(Ladder.stepId("HY-20261202-000001", "RESOLUTION-1", LadderStep.YELLOW_CARD))
            .isEqualTo("HY-20261202-000001/RESOLUTION-1/YELLOW_CARD");
    }

    private static IssuedStep issued(Ladder.Due due) {
        return new IssuedStep(Ladder.stepId("HY-20261202-000001", due.limit().id(), due.step()), due.limit().id(),
            due.step(), due.dueAt(), due.dueAt(), due.superseded(), List.of(), null);
    }
}
