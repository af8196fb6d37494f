package cn.huiyin.notifications.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;

import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.QuietHours;

/**
 * "Callbacks due today" (今日回访) for the callback centre's duty contacts: once a working day, when the office opens,
 * one message listing the grievances whose callback falls due that day or is overdue.
 *
 * <p>Follow-up publishes no event when a callback falls due; its {@code GrievanceResolved} carries
 * {@code callbackDueAt} (its rule: 2 working days after resolution, docs/follow-up.md "Callback", contract
 * {@code contracts/events/follow-up/GrievanceResolved/v1.schema.json}). Notifications keeps that instant with the
 * grievance's facts and counts the callback settled once the grievance is closed or reopened after it. The message's
 * idempotency key is {@code callbacks-due:<organisation>:<day>/<recipient>/STAFF_CALLBACKS_DUE}: every instance may
 * try every few seconds, one message a day is stored.
 */
public class CallbacksDueToday {

    public static final String TEMPLATE = "STAFF_CALLBACKS_DUE";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final GrievanceFactsStore facts;
    private final QueueNotifications queue;
    private final QuietHours quietHours;
    private final String callbackCentre;

    public CallbacksDueToday(GrievanceFactsStore facts, QueueNotifications queue, QuietHours quietHours,
                             String callbackCentre) {
        this.facts = facts;
        this.queue = queue;
        this.quietHours = quietHours;
        this.callbackCentre = callbackCentre;
    }

    /**
     * At {@code now}, the instant of the delivery pass: whether today's list was queued (false outside working time,
     * with nothing due, or done before).
     */
    public boolean queueToday(Instant now) {
        if (callbackCentre == null || callbackCentre.isBlank()
            || quietHours.earliestAllowed(now, Audience.STAFF, false).isAfter(now)) {
            return false;
        }
        LocalDate day = now.atZone(BEIJING).toLocalDate();
        Instant endOfDay = day.plusDays(1).atStartOfDay(BEIJING).toInstant();
        List<String> due = facts.callbacksDueBy(endOfDay);
        if (due.isEmpty()) {
            return false;
        }
        String cause = "callbacks-due:" + callbackCentre + ":" + day;
        queue.toStaff(cause, callbackCentre, null, TEMPLATE, StaffDigests.parameters(day, new LinkedHashSet<>(due),
            new LinkedHashSet<>(due)), List.of(new QueueNotifications.Organisation(callbackCentre, "回访中心", "CALLBACK_CENTRE")),
            now);
        return true;
    }

    /** {@code GrievanceResolved}: the callback is due by {@code callbackDueAt}. */
    public void resolved(String grievanceId, Instant resolvedAt, Instant callbackDueAt) {
        if (callbackDueAt != null) {
            facts.recordCallbackDue(grievanceId, resolvedAt, callbackDueAt);
        }
    }

    /** {@code GrievanceClosed} / {@code GrievanceReopened}: the callback of the earlier resolution is settled. */
    public void settled(String grievanceId, Instant at) {
        facts.recordCallbackSettled(grievanceId, at);
    }
}
