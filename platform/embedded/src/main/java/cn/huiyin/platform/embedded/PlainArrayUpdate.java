package cn.huiyin.platform.embedded;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/** The array operators of {@link PlainUpdate}: each answers the new array, or null if upstream must decide. */
final class PlainArrayUpdate {

    private PlainArrayUpdate() {
    }

    /** The array after {@code $push}, or null if upstream must decide (not an array, other clauses). */
    static List<Object> pushed(Object old, Object value) {
        if (old != null && !(old instanceof List)) {
            return null;
        }
        List<Object> result = old == null ? new ArrayList<>() : new ArrayList<>((List<?>) old);
        if (!(value instanceof Document clauses) || clauses.keySet().stream().noneMatch(key -> key.startsWith("$"))) {
            result.add(value);
            return result;
        }
        Object each = clauses.get("$each");
        Object slice = clauses.get("$slice");
        boolean onlyEachAndSlice = clauses.keySet().stream().allMatch(key -> key.equals("$each") || key.equals("$slice"));
        if (!onlyEachAndSlice || !(each instanceof List<?> values) || slice != null && !(slice instanceof Integer
            || slice instanceof Long)) {
            return null;
        }
        result.addAll(values);
        if (slice != null) {
            int keep = ((Number) slice).intValue();
            result = new ArrayList<>(keep < 0 ? result.subList(Math.max(0, result.size() + keep), result.size())
                : result.subList(0, Math.min(keep, result.size())));
        }
        return result;
    }

    /**
     * The array after {@code $pull} of the sub-documents whose field holds one of the strings, or null if upstream must
     * decide (not an array, another condition, an element that is not a sub-document or holds another type there).
     */
    static List<Object> kept(Object old, Object condition) {
        if (!(old instanceof List<?> elements) || !(condition instanceof Document byField) || byField.size() != 1) {
            return null;
        }
        String field = byField.keySet().iterator().next();
        if (field.startsWith("$") || field.contains(".") || !(byField.get(field) instanceof Document in)
            || in.size() != 1 || !(in.get("$in") instanceof List<?> values)
            || !values.stream().allMatch(String.class::isInstance)) {
            return null;
        }
        List<Object> kept = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (!(element instanceof Document document)) {
                return null;
            }
            Object value = document.get(field);
            if (value != null && !(value instanceof String)) {
                return null;
            }
            if (value == null || !values.contains(value)) {
                kept.add(element);
            }
        }
        return kept;
    }
}
