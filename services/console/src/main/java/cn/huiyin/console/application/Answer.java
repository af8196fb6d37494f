package cn.huiyin.console.application;

import java.util.List;
import java.util.Map;

/**
 * A service's answer: its status and its JSON body as plain maps and lists (pages render them; the console keeps no
 * model of its own of another service's resources).
 */
public record Answer(int status, Object body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The list under {@code field} of an object answer, or the answer itself when it is a list. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String field) {
        Object value = body instanceof List<?> ? body : map().get(field);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
