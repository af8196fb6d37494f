package cn.huiyin.triage.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import java.util.Objects;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.CalendarWarning;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.calendar.Deadline;

/**
 * The deadline policy table (rules file {@code deadlines.json}): per category × urgency (× joint review) a response
 * limit (签收并首次联系) and a resolution limit (办结). For each limit the most specific row that sets it wins:
 * a joint-review row outranks a category row, which outranks an urgency-only row. The clock starts at submission and
 * is never reset, not by returns, not by rulings.
 *
 * @param officeHours the city's office hours for {@link TimeLimit.Unit#OFFICE_HOURS} and working days, where the
 *                    organisation leading a case keeps none of its own (and while a case waits for an organisation)
 */
public record DeadlinePolicy(String officeHours, List<Row> rows) {

    /** Matches any category or urgency. */
    public static final String ANY = "*";

    /**
     * @param jointReview null: either way
     * @param respond     null: this row does not set the response limit
     * @param resolve     null: this row does not set the resolution limit
     */
    public record Row(String id, String category, String urgency, Boolean jointReview, TimeLimit respond,
                      TimeLimit resolve) {
        public Row {
            Objects.requireNonNull(id, "id");
            category = category == null ? ANY : category;
            urgency = urgency == null ? ANY : urgency;
            if (respond == null && resolve == null) {
                throw new IllegalArgumentException("Deadline row " + id + " sets no limit");
            }
        }

        boolean matches(String category, Urgency urgency, boolean jointReview) {
            return (this.category.equals(ANY) || this.category.equals(category))
                && (this.urgency.equals(ANY) || this.urgency.equals(urgency.name()))
                && (this.jointReview == null || this.jointReview == jointReview);
        }

        int specificity() {
            return (jointReview != null ? 4 : 0) + (!category.equals(ANY) ? 2 : 0) + (!urgency.equals(ANY) ? 1 : 0);
        }
    }

    public DeadlinePolicy {
        Objects.requireNonNull(officeHours, "officeHours");
        BusinessHours.parse(officeHours);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (!row.urgency().equals(ANY)) {
                Urgency.valueOf(row.urgency());
            }
        }
    }

    /** Checks every category × urgency × joint-review combination has both limits; throws naming the first gap. */
    public void checkCovers(Categories categories) {
        for (CategoryInfo category : categories.all()) {
            for (Urgency urgency : Urgency.values()) {
                for (boolean jointReview : List.of(false, true)) {
                    limitsFor(category.code(), urgency, jointReview);
                }
            }
        }
        rows.stream().filter(row -> !row.category().equals(ANY)).forEach(row -> categories.require(row.category()));
    }

    /** The two limits that apply and the rows they come from. */
    public record Limits(TimeLimit respond, String respondRow, TimeLimit resolve, String resolveRow) {
    }

    public Limits limitsFor(String category, Urgency urgency, boolean jointReview) {
        Row respond = best(category, urgency, jointReview, true);
        Row resolve = best(category, urgency, jointReview, false);
        return new Limits(respond.respond(), respond.id(), resolve.resolve(), resolve.id());
    }

    private Row best(String category, Urgency urgency, boolean jointReview, boolean respond) {
        Row best = null;
        for (Row row : rows) {
            if ((respond ? row.respond() : row.resolve()) != null && row.matches(category, urgency, jointReview)
                && (best == null || row.specificity() > best.specificity())) {
                best = row;
            }
        }
        if (best == null) {
            throw new IllegalStateException("deadlines.json sets no " + (respond ? "response" : "resolution")
                + " limit for " + category + " × " + urgency + (jointReview ? " × joint review" : ""));
        }
        return best;
    }

    /** The deadlines of a case submitted at {@code submittedAt} in the city's office hours, with calendar warnings. */
    public Deadlines deadlines(Instant submittedAt, String category, Urgency urgency, boolean jointReview,
                               ChinaCalendar calendar) {
        return deadlines(submittedAt, category, urgency, jointReview, calendar, null);
    }

    /**
     * The deadlines of a case submitted at {@code submittedAt}, with any calendar warnings.
     *
     * @param businessHours the business hours of the organisation that leads the case: office-hour limits count
     *                      them, working-day limits end when it closes; null for the city's {@link #officeHours()}
     */
    public Deadlines deadlines(Instant submittedAt, String category, Urgency urgency, boolean jointReview,
                               ChinaCalendar calendar, String businessHours) {
        Limits limits = limitsFor(category, urgency, jointReview);
        String counted = businessHours == null ? officeHours : businessHours;
        BusinessHours hours = BusinessHours.parse(counted);
        Deadline respond = limits.respond().from(submittedAt, calendar, hours);
        Deadline resolve = limits.resolve().from(submittedAt, calendar, hours);
        List<CalendarWarning> warnings = Stream.concat(respond.warnings().stream(), resolve.warnings().stream())
            .distinct().toList();
        String policy = limits.respondRow().equals(limits.resolveRow()) ? limits.respondRow()
            : limits.respondRow() + "+" + limits.resolveRow();
        return new Deadlines(wholeMinute(respond.instant()), wholeMinute(resolve.instant()), limits.respond(),
            limits.resolve(), policy, warnings.stream().map(Deadlines.Warning::of).toList(), counted);
    }

    /** Deadlines are told to people in minutes; rounding up never shortens the time allowed. */
    private static Instant wholeMinute(Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(at) ? at : minute.plus(1, ChronoUnit.MINUTES);
    }
}
