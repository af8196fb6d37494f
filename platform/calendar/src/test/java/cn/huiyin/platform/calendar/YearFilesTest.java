package cn.huiyin.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YearFilesTest {

    private static final String OFFICIAL_2028 = """
            # 国务院办公厅关于2028年部分节假日安排的通知 (test data, not the real schedule)
            status: official
            source: 国办发明电〔2027〕99号
            holiday 2028-01-01..2028-01-03 元旦 New Year's Day
            holiday 2028-01-25..2028-02-02 春节 Spring Festival
            workday 2028-02-05 春节调休 Spring Festival adjusted working day
            """;

    @Nested
    class OperatorDirectory {

        @TempDir
        Path dir;

        @Test
        void adds_a_year_without_a_rebuild() throws IOException {
            Files.writeString(dir.resolve("2028.txt"), OFFICIAL_2028);
            ChinaCalendar calendar = ChinaCalendar.withOverrides(dir);

            assertThat(calendar.coveredYears()).containsExactly(2025, 2026, 2027, 2028);
            DayDescription cny = calendar.describe(LocalDate.parse("2028-01-26"));
            assertThat(cny.kind()).isEqualTo(DayKind.HOLIDAY);
            assertThat(cny.name()).contains("春节 Spring Festival");
            assertThat(cny.origin()).isEqualTo(dir.resolve("2028.txt").toAbsolutePath().toString());
            assertThat(cny.warnings()).isEmpty();
            assertThat(calendar.describe(LocalDate.parse("2028-02-05")).kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        }

        @Test
        void replaces_a_built_in_year_as_a_whole() throws IOException {
            // The official 2027 notice arrives: Spring Festival differs from our estimate.
            Files.writeString(dir.resolve("2027.txt"), """
                    status: official
                    source: 国办发明电〔2026〕1号 (test data)
                    holiday 2027-02-06..2027-02-14 春节 Spring Festival
                    """);
            ChinaCalendar calendar = ChinaCalendar.withOverrides(dir);

            assertThat(calendar.statusOf(2027)).isEqualTo(YearStatus.OFFICIAL);
            assertThat(calendar.describe(LocalDate.parse("2027-02-05")).kind()).isEqualTo(DayKind.WORKDAY);
            assertThat(calendar.describe(LocalDate.parse("2027-02-14")).kind()).isEqualTo(DayKind.HOLIDAY);
            // Nothing of the provisional file survives, including its adjusted working day...
            assertThat(calendar.describe(LocalDate.parse("2027-01-31")).kind()).isEqualTo(DayKind.WEEKEND);
            // ...and answers for 2027 no longer warn.
            Deadline d = calendar.plusWorkingDays(LocalDateTime.parse("2027-02-04T10:00").atZone(ChinaCalendar.ZONE), 1,
                    BusinessHours.STANDARD);
            assertThat(d.warnings()).isEmpty();
            assertThat(d.at().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-02-05T17:30"));
        }

        @Test
        void ignores_files_that_are_not_named_after_a_year() throws IOException {
            Files.writeString(dir.resolve("README.md"), "not a year file");
            Files.writeString(dir.resolve("2028.txt.bak"), "garbage");
            assertThat(ChinaCalendar.withOverrides(dir).coveredYears()).containsExactly(2025, 2026, 2027);
        }

        @Test
        void a_malformed_file_fails_at_load_naming_file_and_line() throws IOException {
            Path file = dir.resolve("2028.txt");
            Files.writeString(file, OFFICIAL_2028.replace("holiday 2028-01-25", "holiday 2028-01-52"));
            assertThatThrownBy(() -> ChinaCalendar.withOverrides(dir))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessageStartingWith(file.toAbsolutePath() + ":5: ")
                    .hasMessageContaining("'2028-01-52' is not a date")
                    .satisfies(e -> {
                        CalendarDataException cde = (CalendarDataException) e;
                        assertThat(cde.origin()).isEqualTo(file.toAbsolutePath().toString());
                        assertThat(cde.line()).isEqualTo(5);
                    });
        }

        @Test
        void a_file_saved_as_gbk_fails_instead_of_producing_garbled_names() throws IOException {
            Files.write(dir.resolve("2028.txt"), OFFICIAL_2028.getBytes(Charset.forName("GBK")));
            assertThatThrownBy(() -> ChinaCalendar.withOverrides(dir))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessageContaining("2028.txt")
                    .hasMessageContaining("not valid UTF-8");
        }

        @Test
        void a_configured_directory_that_does_not_exist_is_an_error_not_an_empty_override() {
            Path absent = dir.resolve("no-such-dir");
            assertThatThrownBy(() -> ChinaCalendar.withOverrides(absent))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessageContaining("no-such-dir")
                    .hasMessageContaining("does not exist");
        }
    }

    @Nested
    class Parser {

        private YearSchedule parse(String text) {
            return YearScheduleParser.parse(2028, "2028.txt", text.lines().toList());
        }

        @Test
        void reads_headers_ranges_single_days_comments_and_a_byte_order_mark() {
            YearSchedule s = parse("\uFEFF" + OFFICIAL_2028);
            assertThat(s.year()).isEqualTo(2028);
            assertThat(s.status()).isEqualTo(YearStatus.OFFICIAL);
            assertThat(s.source()).isEqualTo("国办发明电〔2027〕99号");
            assertThat(s.origin()).isEqualTo("2028.txt");
            assertThat(s.days()).hasSize(3 + 9 + 1);
            assertThat(s.lookup(LocalDate.parse("2028-02-05"))).get()
                    .isEqualTo(new SpecialDay(LocalDate.parse("2028-02-05"), DayKind.ADJUSTED_WORKDAY,
                            "春节调休 Spring Festival adjusted working day"));
        }

        @Test
        void a_new_year_block_may_start_in_december_of_the_year_before() {
            YearSchedule s = parse("""
                    status: official
                    holiday 2027-12-31..2028-01-01 元旦 New Year's Day
                    """);
            assertThat(s.days()).containsKey(LocalDate.parse("2027-12-31"));
        }

        @ParameterizedTest(name = "line {1}: {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "status: official\\nholday 2028-01-01 元旦                     | 2 | unrecognised line 'holday 2028-01-01 元旦'",
                "status: official\\nholiday 2028-01-01                         | 2 | missing name",
                "status: official\\nholiday 2028/01/01 元旦                    | 2 | '2028/01/01' is not a date",
                "status: official\\nholiday 2028-01-03..2028-01-01 元旦        | 2 | ends before it starts",
                "status: official\\nholiday 2028-01-01..2028-03-01 春节        | 2 | is 61 days long",
                "status: official\\nholiday 2029-01-01 元旦                    | 2 | outside the dates a 2028 file may contain",
                "status: official\\nholiday 2027-11-30 元旦                    | 2 | outside the dates a 2028 file may contain",
                "status: official\\n\\nworkday 2028-01-05 调休                 | 3 | is a WEDNESDAY, which is a working day anyway",
                "status: official\\nholiday 2028-01-01..2028-01-03 元旦\\nworkday 2028-01-02 x | 3 | 2028-01-02 is already defined on line 2",
                "status: final\\nholiday 2028-01-01 元旦                       | 1 | status must be 'official' or 'provisional'",
                "status: official\\nstatus: official                           | 2 | 'status' given twice",
                "status: official\\nyear: 2028                                 | 2 | unknown header 'year'",
        })
        void rejects_bad_lines_with_the_line_number(String text, int line, String problem) {
            assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessageStartingWith("2028.txt:" + line + ": ")
                    .hasMessageContaining(problem)
                    .extracting(e -> ((CalendarDataException) e).line()).isEqualTo(line);
        }

        @Test
        void a_file_without_status_or_without_holidays_is_rejected_as_a_whole() {
            assertThatThrownBy(() -> parse("holiday 2028-01-01 元旦 New Year's Day"))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessage("2028.txt: no 'status: official' or 'status: provisional' line");
            assertThatThrownBy(() -> parse("status: official\n# nothing yet"))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessageContaining("no 'holiday' lines");
        }
    }

    @Nested
    class Merging {

        private YearSchedule schedule(int year, String text) {
            return YearScheduleParser.parse(year, year + ".txt", text.lines().toList());
        }

        @Test
        void two_files_may_not_contradict_each_other_about_a_date() {
            YearSchedule y2027 = schedule(2027, """
                    status: official
                    holiday 2027-01-01 元旦 New Year's Day
                    workday 2027-12-26 元旦调休 New Year's Day adjusted working day
                    """);
            YearSchedule y2028 = schedule(2028, "status: official\nholiday 2027-12-26..2028-01-01 元旦 New Year's Day");
            assertThatThrownBy(() -> new ChinaCalendar(List.of(y2027, y2028)))
                    .isInstanceOf(CalendarDataException.class)
                    .hasMessageContaining("2027-12-26")
                    .hasMessageContaining("2027.txt")
                    .hasMessageContaining("2028.txt");
        }

        @Test
        void a_holiday_declared_by_next_years_file_is_honoured_and_its_provisional_status_reported() {
            YearSchedule y2028 = schedule(2028, "status: provisional\nholiday 2027-12-31..2028-01-01 元旦 New Year's Day");
            ChinaCalendar calendar = new ChinaCalendar(List.of(
                    schedule(2027, "status: official\nholiday 2027-01-01 元旦 New Year's Day"), y2028));
            DayDescription eve = calendar.describe(LocalDate.parse("2027-12-31"));
            assertThat(eve.kind()).isEqualTo(DayKind.HOLIDAY);
            assertThat(eve.origin()).isEqualTo("2028.txt");
            assertThat(eve.warnings()).extracting(CalendarWarning::kind, CalendarWarning::year)
                    .containsExactly(tuple(CalendarWarning.Kind.PROVISIONAL_YEAR, 2028));
        }

        @Test
        void the_same_year_twice_is_rejected() {
            YearSchedule a = schedule(2028, OFFICIAL_2028);
            assertThatThrownBy(() -> new ChinaCalendar(List.of(a, a)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Two schedules for 2028");
        }
    }

    @Test
    void built_in_files_all_parse_and_every_name_is_chinese_then_english() {
        assertThat(YearScheduleLoader.builtIn()).extracting(YearSchedule::year).containsExactly(2025, 2026, 2027);
        assertThat(YearScheduleLoader.builtIn()).allSatisfy(s -> assertThat(s.days().values())
                .allSatisfy(d -> assertThat(d.name()).matches("^\\p{IsHan}.* [A-Z][A-Za-z' -]+$")));
    }
}
