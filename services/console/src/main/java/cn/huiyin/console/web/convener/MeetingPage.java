package cn.huiyin.console.web.convener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the meeting page's forms show: the meeting as joint-meeting answered it, or, for the form just refused, what
 * the convener typed (so nothing is typed twice).
 */
final class MeetingPage {

    /** One line of the attendance form: an invited organisation ({@code org:<id>}) or worker representatives. */
    record AttendanceRow(String who, String name, String status, String note) {
    }

    /** One action-item row of a decision form. */
    record ItemRow(String lead, Set<String> coOrganisers, String task, String expectedOutcome, String dueDate,
                   String dueInWorkingDays) {
    }

    record DecisionForm(String outcome, String messageToWorkers, String reviewDate, List<ItemRow> items) {
    }

    private MeetingPage() {
    }

    /** The convener and every invited organisation: who may lead or help with an action item. */
    static List<Map<String, Object>> participants(Map<String, Object> meeting) {
        List<Map<String, Object>> all = new ArrayList<>();
        if (meeting.get("convener") instanceof Map<?, ?> convener) {
            all.add(cast(convener));
        }
        all.addAll(list(meeting, "invitedDepartments"));
        all.addAll(list(meeting, "invitedEnterprises"));
        return all;
    }

    static List<AttendanceRow> attendance(Map<String, Object> meeting, Map<String, String> typed) {
        Map<String, Map<String, Object>> recorded = new LinkedHashMap<>();
        for (Map<String, Object> a : list(meeting, "attendance")) {
            Object org = a.get("organisation");
            recorded.put(org instanceof Map<?, ?> o ? "org:" + o.get("id") : "rep:" + a.get("representative"), a);
        }
        List<AttendanceRow> rows = new ArrayList<>();
        List<Map<String, Object>> invited = new ArrayList<>(list(meeting, "invitedDepartments"));
        invited.addAll(list(meeting, "invitedEnterprises"));
        for (Map<String, Object> org : invited) {
            rows.add(row("org:" + org.get("id"), String.valueOf(org.get("name")), recorded, typed, rows.size()));
        }
        for (Map<String, Object> rep : list(meeting, "workerRepresentatives")) {
            rows.add(row("rep:" + rep.get("label"), String.valueOf(rep.get("label")), recorded, typed, rows.size()));
        }
        return rows;
    }

    private static AttendanceRow row(String who, String name, Map<String, Map<String, Object>> recorded,
                                     Map<String, String> typed, int index) {
        if (typed != null) {
            return new AttendanceRow(who, name, typed.get("status-" + index), typed.get("note-" + index));
        }
        Map<String, Object> a = recorded.get(who);
        return new AttendanceRow(who, name, a == null ? null : String.valueOf(a.get("status")),
            a == null || a.get("note") == null ? null : String.valueOf(a.get("note")));
    }

    /** Each agenda item's decision form: the decision recorded so far and one empty action-item row more. */
    static Map<String, DecisionForm> decisions(Map<String, Object> meeting, String refusedForm, Map<String, String> typed) {
        Map<String, DecisionForm> forms = new LinkedHashMap<>();
        for (Map<String, Object> item : list(meeting, "agenda")) {
            String id = String.valueOf(item.get("agendaItemId"));
            if (("decision-" + id).equals(refusedForm) && typed != null) {
                forms.put(id, typedDecision(typed));
            } else {
                forms.put(id, recordedDecision(item.get("decision") instanceof Map<?, ?> d ? cast(d) : null));
            }
        }
        return forms;
    }

    private static DecisionForm recordedDecision(Map<String, Object> decision) {
        List<ItemRow> rows = new ArrayList<>();
        if (decision == null) {
            rows.add(emptyRow());
            return new DecisionForm(null, null, null, rows);
        }
        for (Map<String, Object> a : list(decision, "actionItems")) {
            Set<String> co = new LinkedHashSet<>();
            list(a, "coOrganisers").forEach(o -> co.add(String.valueOf(o.get("id"))));
            Object lead = a.get("leadOrganisation") instanceof Map<?, ?> l ? l.get("id") : null;
            rows.add(new ItemRow(lead == null ? null : lead.toString(), co, string(a.get("task")),
                string(a.get("expectedOutcome")), string(a.get("dueDate")), null));
        }
        rows.add(emptyRow());
        return new DecisionForm(string(decision.get("outcome")), string(decision.get("messageToWorkers")),
            string(decision.get("reviewDate")), rows);
    }

    private static DecisionForm typedDecision(Map<String, String> typed) {
        List<ItemRow> rows = new ArrayList<>();
        String given = typed.getOrDefault("rows", "1");
        int count = given.matches("\\d{1,2}") ? Integer.parseInt(given) : 1;
        for (int i = 0; i < count; i++) {
            String co = typed.get("co-" + i);
            rows.add(new ItemRow(typed.get("lead-" + i), co == null ? Set.of() : new LinkedHashSet<>(List.of(co.split(","))),
                typed.get("task-" + i), typed.get("expectedOutcome-" + i), typed.get("dueDate-" + i),
                typed.get("dueInWorkingDays-" + i)));
        }
        return new DecisionForm(typed.get("outcome"), typed.get("messageToWorkers"), typed.get("reviewDate"), rows);
    }

    private static ItemRow emptyRow() {
        return new ItemRow(null, Set.of(), null, null, null, null);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String field) {
        return map != null && map.get(field) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
