package cn.huiyin.notifications.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.notifications.domain.DeliveryStatus;
import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.notifications.domain.QuietHours;
import cn.huiyin.notifications.domain.Recipient;

/**
 * The daily digest (每日汇总): when more than {@code threshold} staff messages fall due together for one duty contact's
 * mailbox or mobile — typically the backlog that quiet hours held over a night, a weekend or a holiday and that would
 * all go at 09:00 — they go as one message listing the cases, not one each. The inbox keeps one entry per case.
 *
 * <p>One digest per organisation contact and channel, day and template: its idempotency key is
 * {@code digest:<organisation>:<day>/<recipient>/STAFF_DIGEST}. While it waits, more due messages join it; once it has
 * gone, later messages that day go on their own. Urgent messages never wait for a digest. The digest is queued with
 * the quiet hours of any staff message, so it never goes outside working time either.
 *
 * <p>Crash-safe without transactions: the digest (listing its cases) is written first, then each case's message is
 * marked {@code DIGESTED}; a crash between leaves those messages queued, and the next pass finds the digest still
 * waiting and marks them (the list is a set: nothing twice). Runs before each delivery pass, under the same lease.
 */
public class StaffDigests {

    public static final String TEMPLATE = "STAFF_DIGEST";
    /** Cases named in the text; the rest are counted ("等N件"), the inbox has them all. */
    static final int LISTED = 5;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Notifications notifications;
    private final QuietHours quietHours;
    private final int threshold;

    public StaffDigests(Notifications notifications, QuietHours quietHours, int threshold) {
        this.notifications = notifications;
        this.quietHours = quietHours;
        this.threshold = threshold;
    }

    /** Gathers what is due at {@code now}, the instant of the whole delivery pass; @return how many were gathered */
    public int gather(int batch, Instant now) {
        Map<String, List<Notification>> byRecipient = new LinkedHashMap<>();
        for (Notification due : notifications.dueToStaffContacts(now, batch)) {
            if (!due.urgent() && !isSummary(due.template())) {
                byRecipient.computeIfAbsent(due.recipient().key(), k -> new ArrayList<>()).add(due);
            }
        }
        int gathered = 0;
        for (List<Notification> group : byRecipient.values()) {
            gathered += gather(group, now);
        }
        return gathered;
    }

    private int gather(List<Notification> group, Instant now) {
        Recipient recipient = group.get(0).recipient();
        LocalDate day = now.atZone(BEIJING).toLocalDate();
        String cause = "digest:" + recipient.organisationId() + ":" + day;
        String digestId = Notification.key(cause, recipient, TEMPLATE);
        Optional<Notification> existing = notifications.find(digestId);
        if (existing.isPresent() && existing.get().status() != DeliveryStatus.QUEUED) {
            return 0;
        }
        if (existing.isEmpty() && group.size() <= threshold) {
            return 0;
        }
        Set<String> lines = new LinkedHashSet<>();
        Set<String> cases = new LinkedHashSet<>();
        existing.ifPresent(d -> {
            lines.addAll(split(d.parameters().get("lines")));
            cases.addAll(split(d.parameters().get("subjects")));
        });
        group.forEach(n -> {
            lines.add(n.id());
            cases.add(n.subject());
        });
        Map<String, String> parameters = parameters(day, cases, lines);
        if (existing.isPresent()) {
            Notification digest = existing.get();
            digest.regather(parameters);
            notifications.update(digest);
        } else if (!notifications.addIfAbsent(Notification.queue(cause, recipient.organisationId(), null, TEMPLATE,
            recipient, recipient.key(), parameters, false, now, now, now, quietHours))) {
            return 0;
        }
        for (Notification line : group) {
            line.digested(now, digestId);
            notifications.update(line);
        }
        return group.size();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /** The text's parameters, and the lines and cases gathered so far (sets: a pass repeated adds nothing). */
    static Map<String, String> parameters(LocalDate day, Set<String> cases, Set<String> lines) {
        List<String> listed = cases.stream().limit(LISTED).toList();
        String named = String.join("、", listed) + (cases.size() > LISTED ? "等" + cases.size() + "件" : "");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("date", day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
        parameters.put("count", Integer.toString(lines.size()));
        parameters.put("cases", named);
        parameters.put("subjects", String.join(",", cases));
        parameters.put("lines", String.join(",", lines));
        return parameters;
    }

    /** The digest and the callbacks-due list are summaries themselves: never gathered into a digest. */
    static boolean isSummary(String template) {
        return TEMPLATE.equals(template) || CallbacksDueToday.TEMPLATE.equals(template);
    }
}
