package cn.huiyin.triage.domain;

import static cn.huiyin.triage.domain.DemoCity.CALENDAR;
import static cn.huiyin.triage.domain.DemoCity.DEADLINES;
import static cn.huiyin.triage.domain.DemoCity.beijing;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Deadlines on the 2026 calendar: the Spring Festival holiday runs Sun 15 – Mon 23 February; Saturday 14 and
 * Saturday 28 February are adjusted working days (调休).
 */
class DeadlinePolicyTest {

    @Test
    void everyCategoryAndUrgencyHasBothLimits() {
        DEADLINES.checkCovers(DemoCity.CATEGORIES);
    }

    @Test
    void anInjuryFiledOnThursdayBeforeTheFestivalIsDueAfterItAndCountsTheWorkingSaturday() {
        Deadlines d = DEADLINES.deadlines(beijing(2026, 2, 12, 10, 0), "INJURY_INSURANCE", Urgency.HIGH, false, CALENDAR);

        assertThat(d.responseDueAt()).as("4 office hours: 10:00-12:00 and 13:30-15:30").isEqualTo(beijing(2026, 2, 12, 15, 30));
        assertThat(d.resolutionDueAt()).as("3 working days: Fri 13, Sat 14 (调休), Tue 24").isEqualTo(beijing(2026, 2, 24, 17, 30));
        assertThat(d.policy()).isEqualTo("D2-HIGH");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void aNormalCaseGetsTwentyFourHoursOfWorkingDaysAndSevenWorkingDays() {
        Deadlines thursday = DEADLINES.deadlines(beijing(2026, 2, 12, 16, 0), "PARKING_ACCESS", Urgency.NORMAL, false, CALENDAR);
        Deadlines friday = DEADLINES.deadlines(beijing(2026, 2, 13, 16, 0), "PARKING_ACCESS", Urgency.NORMAL, false, CALENDAR);
        Deadlines workingSaturday = DEADLINES.deadlines(beijing(2026, 2, 14, 16, 0), "PARKING_ACCESS", Urgency.NORMAL, false, CALENDAR);

        assertThat(thursday.responseDueAt()).isEqualTo(beijing(2026, 2, 13, 16, 0));
        assertThat(thursday.resolutionDueAt()).as("Fri 13, Sat 14, Tue 24 … Fri 27, Sat 28 (调休)")
            .isEqualTo(beijing(2026, 2, 28, 17, 30));
        assertThat(friday.responseDueAt()).as("the adjusted working Saturday counts").isEqualTo(beijing(2026, 2, 14, 16, 0));
        assertThat(workingSaturday.responseDueAt()).as("the holiday does not").isEqualTo(beijing(2026, 2, 24, 16, 0));
    }

    @Test
    void anUrgentCaseRunsRoundTheClockThroughTheHoliday() {
        Deadlines d = DEADLINES.deadlines(beijing(2026, 2, 16, 10, 0), "WAGES", Urgency.URGENT, true, CALENDAR);

        assertThat(d.responseDueAt()).isEqualTo(beijing(2026, 2, 16, 12, 0));
        assertThat(d.resolutionDueAt()).isEqualTo(beijing(2026, 2, 17, 10, 0));
        assertThat(d.policy()).isEqualTo("D1-URGENT+D5-JOINT-REVIEW-URGENT");
    }

    @Test
    void aJointReviewGetsFifteenWorkingDaysAndADeadlineInTwentyTwentySevenCarriesTheCalendarsDoubt() {
        Deadlines d = DEADLINES.deadlines(beijing(2026, 12, 21, 10, 0), "PARKING_ACCESS", Urgency.NORMAL, true, CALENDAR);

        assertThat(d.resolutionDueAt()).as("15 working days, 1 Jan 2027 off").isEqualTo(beijing(2027, 1, 12, 17, 30));
        assertThat(d.policy()).isEqualTo("D3-NORMAL+D4-JOINT-REVIEW");
        assertThat(d.warnings()).extracting(Deadlines.Warning::kind).containsExactly("PROVISIONAL_YEAR");
        assertThat(d.warnings().get(0).message()).contains("2027", "暂定");
    }

    @Test
    void aHazardReportIsAnsweredFasterThanOtherNormalCases() {
        Deadlines d = DEADLINES.deadlines(beijing(2026, 11, 23, 9, 0), "SAFETY_HAZARD", Urgency.NORMAL, false, CALENDAR);

        assertThat(d.responseDueAt()).isEqualTo(beijing(2026, 11, 23, 14, 30));
        assertThat(d.policy()).isEqualTo("D6-HAZARD");
    }
}
