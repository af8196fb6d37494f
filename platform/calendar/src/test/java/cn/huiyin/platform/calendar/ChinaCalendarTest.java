package cn.huiyin.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChinaCalendarTest {

    private final ChinaCalendar calendar = ChinaCalendar.builtIn();

    private DayKind kindOf(String date) {
        return calendar.describe(LocalDate.parse(date)).kind();
    }

    @Test
    void built_in_data_covers_2025_to_2027() {
        assertThat(calendar.coveredYears()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.statusOf(2025)).isEqualTo(YearStatus.OFFICIAL);
        assertThat(calendar.statusOf(2026)).isEqualTo(YearStatus.OFFICIAL);
        assertThat(calendar.statusOf(2027)).isEqualTo(YearStatus.PROVISIONAL);
        assertThat(calendar.statusOf(2031)).isEqualTo(YearStatus.MISSING);
        assertThat(calendar.schedule(2025)).get().extracting(YearSchedule::source).isEqualTo("国办发明电〔2024〕12号");
    }

    @Nested
    @DisplayName("Spring Festival 2026")
    class SpringFestival2026 {

        @Test
        void friday_before_is_an_ordinary_working_day() {
            assertThat(kindOf("2026-02-13")).isEqualTo(DayKind.WORKDAY);
        }

        @Test
        void saturday_14_february_is_worked() {
            DayDescription sat = calendar.describe(LocalDate.parse("2026-02-14"));
            assertThat(sat.date().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(sat.kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);
            assertThat(sat.isWorkingDay()).isTrue();
            assertThat(sat.name()).contains("春节调休 Spring Festival adjusted working day");
        }

        @Test
        void nine_days_off_from_15_to_23_february() {
            LocalDate.parse("2026-02-15").datesUntil(LocalDate.parse("2026-02-24")).forEach(date -> {
                DayDescription d = calendar.describe(date);
                assertThat(d.kind()).as("%s", date).isEqualTo(DayKind.HOLIDAY);
                assertThat(d.name()).as("%s", date).contains("春节 Spring Festival");
                assertThat(calendar.isWorkingDay(date)).isFalse();
            });
        }

        @Test
        void offices_reopen_on_tuesday_24_february() {
            assertThat(kindOf("2026-02-24")).isEqualTo(DayKind.WORKDAY);
        }

        @Test
        void saturday_28_february_is_worked_but_sunday_1_march_is_not() {
            assertThat(kindOf("2026-02-28")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
            assertThat(kindOf("2026-03-01")).isEqualTo(DayKind.WEEKEND);
        }

        @Test
        void answer_names_the_official_2026_file_and_carries_no_warning() {
            DayDescription d = calendar.describe(LocalDate.parse("2026-02-18"));
            assertThat(d.status()).isEqualTo(YearStatus.OFFICIAL);
            assertThat(d.origin()).isEqualTo("classpath:cn/huiyin/platform/calendar/cn/2026.txt");
            assertThat(d.warnings()).isEmpty();
        }
    }

    @Test
    void national_day_2026_with_its_two_adjusted_weekend_days() {
        assertThat(kindOf("2026-09-19")).isEqualTo(DayKind.WEEKEND);
        assertThat(kindOf("2026-09-20")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2026-09-30")).isEqualTo(DayKind.WORKDAY);
        LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-08"))
                .forEach(date -> assertThat(calendar.describe(date).name()).as("%s", date).contains("国庆节 National Day"));
        assertThat(kindOf("2026-10-08")).isEqualTo(DayKind.WORKDAY);
        assertThat(kindOf("2026-10-10")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2026-10-11")).isEqualTo(DayKind.WEEKEND);
    }

    @Test
    void mid_autumn_2026_is_separate_from_national_day() {
        assertThat(calendar.describe(LocalDate.parse("2026-09-25")).name()).contains("中秋节 Mid-Autumn Festival");
        assertThat(kindOf("2026-09-28")).isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void national_day_and_mid_autumn_2025_form_one_eight_day_block() {
        assertThat(kindOf("2025-09-28")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2025-09-30")).isEqualTo(DayKind.WORKDAY);
        assertThat(LocalDate.parse("2025-10-01").datesUntil(LocalDate.parse("2025-10-09"))
                .map(calendar::describe))
                .hasSize(8)
                .allSatisfy(d -> {
                    assertThat(d.kind()).isEqualTo(DayKind.HOLIDAY);
                    assertThat(d.name()).contains("国庆节、中秋节 National Day and Mid-Autumn Festival");
                });
        assertThat(kindOf("2025-10-09")).isEqualTo(DayKind.WORKDAY);
        assertThat(kindOf("2025-10-11")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
    }

    @Test
    void new_year_from_2025_into_2026() {
        assertThat(kindOf("2025-12-31")).isEqualTo(DayKind.WORKDAY);
        assertThat(kindOf("2026-01-01")).isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf("2026-01-02")).isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf("2026-01-03")).isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf("2026-01-04")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2026-01-05")).isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void spring_festival_2025_and_labour_day_2025() {
        assertThat(kindOf("2025-01-26")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2025-01-27")).isEqualTo(DayKind.WORKDAY);
        assertThat(kindOf("2025-01-28")).isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf("2025-02-04")).isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf("2025-02-05")).isEqualTo(DayKind.WORKDAY);
        assertThat(kindOf("2025-02-08")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2025-04-27")).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(kindOf("2025-05-05")).isEqualTo(DayKind.HOLIDAY);
        assertThat(kindOf("2025-06-02")).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void ordinary_days_in_a_covered_year_have_no_name() {
        DayDescription tuesday = calendar.describe(LocalDate.parse("2026-03-10"));
        assertThat(tuesday.kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(tuesday.name()).isEmpty();
        assertThat(kindOf("2026-03-14")).isEqualTo(DayKind.WEEKEND);
    }

    @Nested
    @DisplayName("a year without data (2031)")
    class MissingYear {

        @Test
        void is_answered_with_weekends_and_fixed_date_holidays_and_a_warning() {
            DayDescription newYear = calendar.describe(LocalDate.parse("2031-01-01"));
            assertThat(newYear.kind()).isEqualTo(DayKind.HOLIDAY);
            assertThat(newYear.name()).contains("元旦 New Year's Day");
            assertThat(newYear.status()).isEqualTo(YearStatus.MISSING);
            assertThat(newYear.origin()).isEqualTo(ChinaCalendar.FALLBACK_ORIGIN);
            assertThat(newYear.warnings()).singleElement().satisfies(w -> {
                assertThat(w.kind()).isEqualTo(CalendarWarning.Kind.MISSING_YEAR);
                assertThat(w.year()).isEqualTo(2031);
                assertThat(w.message()).contains("2031年节假日安排未收录").contains("No holiday schedule is loaded for 2031");
            });
        }

        @Test
        void knows_labour_day_and_national_day_but_not_lunar_holidays() {
            assertThat(kindOf("2031-05-01")).isEqualTo(DayKind.HOLIDAY);
            assertThat(kindOf("2031-05-02")).isEqualTo(DayKind.HOLIDAY);
            assertThat(kindOf("2031-10-03")).isEqualTo(DayKind.HOLIDAY);
            assertThat(kindOf("2031-10-06")).isEqualTo(DayKind.WORKDAY); // Monday; the real block is unknown
            assertThat(kindOf("2031-01-25")).isEqualTo(DayKind.WEEKEND);
        }

        @Test
        void may_2_was_not_statutory_before_2025() {
            assertThat(kindOf("2024-05-02")).isEqualTo(DayKind.WORKDAY);
        }
    }

    @Test
    void provisional_2027_answers_but_warns() {
        DayDescription cny = calendar.describe(LocalDate.parse("2027-02-08"));
        assertThat(cny.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(cny.status()).isEqualTo(YearStatus.PROVISIONAL);
        assertThat(cny.warnings()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(CalendarWarning.Kind.PROVISIONAL_YEAR);
            assertThat(w.year()).isEqualTo(2027);
            assertThat(w.message()).contains("暂定").contains("provisional");
        });
        assertThat(calendar.describe(LocalDate.parse("2027-03-02")).warnings()).hasSize(1);
    }
}
