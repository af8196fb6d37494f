package cn.huiyin.console.web.convener;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * The convener's forms turned into joint-meeting's request bodies, and joint-meeting's field paths back into the
 * form's fields. Joint-meeting decides what is valid; a form row left empty is not sent, so its indices shift and
 * each body remembers which form row each of its entries came from.
 */
final class MeetingForms {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)](.*)$");

    private MeetingForms() {
    }

    /** A request body, and for its list entries the form row each came from. */
    record Body(Map<String, Object> json, List<Integer> rows) {

        /** {@code actionItems[1].task} of the body as the form names it: {@code actionItems[<row>].task}. */
        String formField(String field) {
            Matcher m = INDEXED.matcher(field);
            if (!m.matches()) {
                return field;
            }
            int index = Integer.parseInt(m.group(2));
            int row = index < rows.size() ? rows.get(index) : index;
            return m.group(1) + "[" + row + "]" + m.group(3).replaceAll("\\[\\d+]", "");
        }
    }

    static Body schedule(MultiValueMap<String, String> form) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", text(form, "kind"));
        json.put("title", text(form, "title"));
        json.put("startsAt", instant(text(form, "startsAt")));
        json.put("endsAt", instant(text(form, "endsAt")));
        json.put("place", text(form, "place"));
        json.put("videoLink", text(form, "videoLink"));
        json.put("invitedDepartmentIds", ids(form, "departments", "moreDepartments"));
        json.put("invitedEnterpriseIds", ids(form, "enterprises", "moreEnterprises"));
        String representatives = text(form, "representatives");
        json.put("workerRepresentatives", representatives == null ? List.of()
            : List.of(Map.of("label", representatives)));
        return new Body(json, List.of());
    }

    static String scheduleField(String field) {
        if (field.startsWith("invitedDepartmentIds")) {
            return "moreDepartments";
        }
        if (field.startsWith("invitedEnterpriseIds")) {
            return "moreEnterprises";
        }
        return field.startsWith("workerRepresentatives") ? "representatives" : field;
    }

    /** Rows {@code 0..rows-1}: {@code include-i}, {@code title-i}, {@code id-i}, {@code rr-i}, {@code reviewOf-i}. */
    static Body agenda(MultiValueMap<String, String> form) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < count(form); i++) {
            if (text(form, "include-" + i) == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("agendaItemId", text(form, "id-" + i));
            item.put("title", text(form, "title-" + i));
            item.put("reviewRequestIds", split(text(form, "rr-" + i)));
            String reviewOf = text(form, "reviewOf-" + i);
            if (reviewOf != null && reviewOf.contains("/")) {
                item.put("reviewOf", Map.of("meetingId", reviewOf.substring(0, reviewOf.indexOf('/')),
                    "agendaItemId", reviewOf.substring(reviewOf.indexOf('/') + 1)));
            }
            items.add(item);
            rows.add(i);
        }
        return new Body(Map.of("items", items), rows);
    }

    /** Rows: {@code who-i} ({@code org:<id>} or {@code rep:<label>}), {@code status-i} (empty: not recorded), {@code note-i}. */
    static Body attendance(MultiValueMap<String, String> form) {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < count(form); i++) {
            String who = text(form, "who-" + i);
            String status = text(form, "status-" + i);
            if (who == null || status == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(who.startsWith("rep:") ? "representative" : "organisationId", who.substring(4));
            entry.put("status", status);
            entry.put("note", text(form, "note-" + i));
            entries.add(entry);
            rows.add(i);
        }
        return new Body(Map.of("entries", entries), rows);
    }

    /**
     * Rows of action items: {@code lead-i}, {@code co-i} (several), {@code task-i}, {@code expectedOutcome-i},
     * {@code dueDate-i}, {@code dueInWorkingDays-i}; a row with nothing typed is not sent.
     */
    static Body decision(MultiValueMap<String, String> form) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < count(form); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("leadOrganisationId", text(form, "lead-" + i));
            item.put("coOrganiserIds", form.getOrDefault("co-" + i, List.of()).stream().filter(s -> !s.isBlank()).toList());
            item.put("task", text(form, "task-" + i));
            item.put("expectedOutcome", text(form, "expectedOutcome-" + i));
            item.put("dueDate", text(form, "dueDate-" + i));
            item.put("dueInWorkingDays", number(text(form, "dueInWorkingDays-" + i)));
            if (item.get("task") == null && item.get("expectedOutcome") == null && item.get("dueDate") == null
                && item.get("dueInWorkingDays") == null) {
                continue;
            }
            items.add(item);
            rows.add(i);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", text(form, "outcome"));
        json.put("messageToWorkers", text(form, "messageToWorkers"));
        json.put("reviewDate", text(form, "reviewDate"));
        json.put("actionItems", items);
        return new Body(json, rows);
    }

    /** The form as it was typed, one text per field (several values joined by commas), to show it again. */
    static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (!name.startsWith("_")) {
                typed.put(name, String.join(",", values));
            }
        });
        return typed;
    }

    static int count(MultiValueMap<String, String> form) {
        Object rows = number(text(form, "rows"));
        return rows instanceof Integer n ? Math.min(n, 60) : 0;
    }

    static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The form's Beijing date-time ({@code 2026-12-03T09:30}) as an instant, or the text, so joint-meeting names it. */
    static String instant(String local) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(BEIJING).toInstant().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private static List<String> ids(MultiValueMap<String, String> form, String checked, String typed) {
        List<String> ids = new ArrayList<>(form.getOrDefault(checked, List.of()).stream().filter(s -> !s.isBlank())
            .toList());
        split(text(form, typed)).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** A whole number as typed, or the text, so that joint-meeting names the field when it is none. */
    private static Object number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
