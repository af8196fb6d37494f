package cn.huiyin.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

    @Test
    void standard_office_hours_have_a_lunch_break_and_seven_hours_a_day() {
        assertThat(BusinessHours.STANDARD.windows()).containsExactly(
                new BusinessHours.Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new BusinessHours.Window(LocalTime.of(13, 30), LocalTime.of(17, 30)));
        assertThat(BusinessHours.STANDARD.days()).isEqualTo(BusinessHours.Days.WORKING_DAYS);
        assertThat(BusinessHours.STANDARD.perDay()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void round_the_clock_is_24_hours_on_every_calendar_day() {
        assertThat(BusinessHours.ROUND_THE_CLOCK.perDay()).isEqualTo(Duration.ofHours(24));
        assertThat(BusinessHours.ROUND_THE_CLOCK.days()).isEqualTo(BusinessHours.Days.EVERY_DAY);
        assertThat(BusinessHours.parse("24x7")).isEqualTo(BusinessHours.ROUND_THE_CLOCK);
        assertThat(BusinessHours.ROUND_THE_CLOCK).hasToString("24x7");
    }

    @Test
    void parses_the_configuration_spelling_and_prints_it_back() {
        BusinessHours hours = BusinessHours.parse(" 09:00-12:00 , 13:30-17:30 ");
        assertThat(hours).isEqualTo(BusinessHours.STANDARD);
        assertThat(hours).hasToString("09:00-12:00,13:30-17:30");
        assertThat(BusinessHours.parse(hours.toString())).isEqualTo(hours);
    }

    @Test
    void accepts_24_00_as_a_closing_time_and_every_day_hours() {
        BusinessHours evening = BusinessHours.parse("8:00-12:00,18:00-24:00", BusinessHours.Days.EVERY_DAY);
        assertThat(evening.perDay()).isEqualTo(Duration.ofHours(10));
        assertThat(evening.windows().get(1).closes()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(evening).hasToString("08:00-12:00,18:00-24:00 (every day)");
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "''                          | empty",
            "9-17                        | \"9-17\" is not a window",
            "09:00-12:00;13:30-17:30     | is not a window",
            "12:00-09:00                 | must open before it closes",
            "09:00-09:00                 | must open before it closes",
            "09:00-25:00                 | \"25:00\" is not a time of day",
            "09:60-12:00                 | \"09:60\" is not a time of day",
            "24:00-24:00                 | 24:00 can only be a closing time",
            "22:00-00:00                 | write 24:00",
            "13:30-17:30,09:00-12:00     | must be in order and must not overlap",
            "09:00-12:00,11:00-17:30     | must be in order and must not overlap",
            "09:00-12:00,                | \"\" is not a window",
    })
    void rejects_malformed_hours_with_a_message_naming_the_problem(String spec, String expected) {
        assertThatThrownBy(() -> BusinessHours.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void windows_may_touch() {
        BusinessHours split = new BusinessHours(List.of(
                new BusinessHours.Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new BusinessHours.Window(LocalTime.of(12, 0), LocalTime.of(13, 0))), BusinessHours.Days.WORKING_DAYS);
        assertThat(split.perDay()).isEqualTo(Duration.ofHours(4));
    }
}
