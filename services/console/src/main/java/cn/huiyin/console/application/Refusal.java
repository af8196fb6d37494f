package cn.huiyin.console.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's RFC 9457 problem as the page shows it: the title and detail in both languages and each bad field.
 */
public record Refusal(int status, String titleZh, String titleEn, String detailZh, String detailEn,
                      List<FieldMessage> fields) {

    @SuppressWarnings("unchecked")
    public static Refusal of(Answer answer) {
        Map<String, Object> problem = answer.map();
        List<FieldMessage> fields = new ArrayList<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                Map<String, Object> e = (Map<String, Object>) error;
                fields.add(new FieldMessage(String.valueOf(e.get("field")), String.valueOf(e.get("message")),
                    String.valueOf(e.getOrDefault("messageEn", e.get("message")))));
            }
        }
        return new Refusal(answer.status(), text(problem, "title"), text(problem, "titleEn"), text(problem, "detail"),
            text(problem, "detailEn"), fields);
    }

    private static String text(Map<String, Object> problem, String field) {
        Object value = problem.get(field);
        return value == null ? "" : value.toString();
    }
}
