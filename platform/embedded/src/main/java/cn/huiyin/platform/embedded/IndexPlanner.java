package cn.huiyin.platform.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import cn.huiyin.platform.embedded.BsonDataTypes.Bound;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Chooses a secondary index for a query, as MongoDB's planner would for the simple shapes services send: the
 * index's leading fields constrained by equality or {@code $in}, then at most one field by a range
 * ({@code $gt/$gte/$lt/$lte}) or an anchored prefix ({@code ^literal}). The plan only narrows the candidates: the
 * full query is still matched against each document, so a plan must never leave out a matching document.
 * That is why only values of plain types bound a scan (no null, documents, arrays or regular expressions with
 * options), why a range is bracketed by its value's type (MongoDB's comparisons never match across types), and why
 * a range on a field that held an array keeps only one of its ends (two ends may be met by different elements).
 *
 * <p>When the sort follows the index's order after the equality fields (or its exact reverse), the scan yields
 * documents in sort order and stops once skip + limit have matched.
 */
final class IndexPlanner {

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();
    private static final int MAX_PREFIXES = 1_000;

    private IndexPlanner() {
    }

    /** A scan of {@code index}: for each prefix (equality values), the entries between start and end. */
    record Plan(SecondaryIndex index, List<List<Object>> prefixes, Object start, Object end, boolean reverse,
                boolean sortServed, int boundFields, boolean exact, Boolean explodedReverse, boolean explodeRange) {

        Plan inexact() {
            return new Plan(index, prefixes, start, end, reverse, sortServed, boundFields, false, explodedReverse,
                explodeRange);
        }

        /**
         * A scan in sort order of one prefix (with, when {@code value} is not null, the ranged field fixed to it):
         * several such scans, merged, serve a sort that follows the index after several {@code $in} values or
         * after a range's distinct values (MongoDB's "explode for sort").
         */
        Plan exploded(List<Object> prefix, Object value) {
            if (value == null) {
                return new Plan(index, List.of(prefix), start, end, explodedReverse, true, boundFields, false, null,
                    false);
            }
            List<Object> longer = new ArrayList<>(prefix);
            longer.add(value);
            int next = longer.size();
            boolean descending = next < index.fields().size() && index.isDescending(next);
            return new Plan(index, List.of(longer), descending ? Bound.HIGHEST : Bound.LOWEST,
                descending ? Bound.LOWEST : Bound.HIGHEST, explodedReverse, true, boundFields, false, null, false);
        }
    }

    /** At most this many scans are merged for one sort. */
    static final int MAX_EXPLODED = 256;

    /**
     * The best plan: one scan, or one per alternative of an {@code $or} (MongoDB's OR stage), whose documents are
     * united; an empty list to scan the collection.
     */
    static List<Plan> choose(Document query, Document orderBy, List<SecondaryIndex> indexes) {
        if (query == null || query.isEmpty() || isNatural(orderBy) || indexes.isEmpty()) {
            return List.of();
        }
        Map<String, List<Object>> conditions = new LinkedHashMap<>();
        List<Collection<?>> alternatives = new ArrayList<>();
        int operators = collect(query, conditions, alternatives);
        Plan single = best(conditions, orderBy, indexes);
        if (single != null) {
            // Any operator besides $and ($or, $nor, $expr...) is a condition the bounds do not express.
            return List.of(operators == 0 ? single : single.inexact());
        }
        if (alternatives.isEmpty()) {
            return List.of();
        }
        // The first $or whose every alternative, with the conditions all share, can use an index.
        for (Collection<?> or : alternatives) {
            List<Plan> plans = new ArrayList<>();
            for (Object alternative : or) {
                if (!(alternative instanceof Document branch)) {
                    plans = null;
                    break;
                }
                Map<String, List<Object>> branchConditions = new LinkedHashMap<>();
                conditions.forEach((field, values) -> branchConditions.put(field, new ArrayList<>(values)));
                int branchOperators = collect(branch, branchConditions, new ArrayList<>());
                Plan plan = best(branchConditions, orderBy, indexes);
                if (plan == null) {
                    plans = null;
                    break;
                }
                plans.add(operators == 1 && branchOperators == 0 ? plan : plan.inexact());
            }
            if (plans != null && !plans.isEmpty()) {
                return plans;
            }
        }
        return List.of();
    }

    private static Plan best(Map<String, List<Object>> conditions, Document orderBy, List<SecondaryIndex> indexes) {
        if (conditions.isEmpty()) {
            return null;
        }
        Plan best = null;
        int bestScore = 0;
        for (SecondaryIndex index : indexes) {
            if (index.isEmpty()) {
                continue;
            }
            Plan plan = plan(index, conditions, orderBy);
            if (plan == null) {
                continue;
            }
            int score = plan.boundFields() * 10 + (plan.prefixes().size() == 1 ? 2 : 0) + (plan.sortServed() ? 3 : 0)
                + (plan.explodedReverse() != null ? 2 : 0);
            if (score > bestScore) {
                best = plan;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean isNatural(Document orderBy) {
        return orderBy != null && orderBy.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

    /**
     * The conditions every matching document meets, by field (top-level fields and those of {@code $and}), and
     * the {@code $or}s it meets one alternative of; returns how many other operators the query has.
     */
    private static int collect(Document query, Map<String, List<Object>> conditions, List<Collection<?>> ors) {
        int operators = 0;
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String field = entry.getKey();
            if (field.equals("$and") && entry.getValue() instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        operators += collect(document, conditions, ors);
                    } else {
                        operators++;
                    }
                }
            } else if (field.startsWith("$")) {
                operators++;
                if (field.equals("$or") && entry.getValue() instanceof Collection<?> alternatives
                    && !alternatives.isEmpty()) {
                    ors.add(alternatives);
                }
            } else {
                conditions.computeIfAbsent(field, f -> new ArrayList<>()).add(entry.getValue());
            }
        }
        return operators;
    }

    private static Plan plan(SecondaryIndex index, Map<String, List<Object>> conditions, Document orderBy) {
        List<String> fields = index.fields();
        List<List<Object>> pointsPerField = new ArrayList<>();
        Object[] range = null;
        for (String field : fields) {
            List<Object> fieldConditions = conditions.get(field);
            if (fieldConditions == null) {
                break;
            }
            List<Object> points = points(fieldConditions);
            if (points != null) {
                pointsPerField.add(points);
                continue;
            }
            range = range(fieldConditions, index.isMultikey(pointsPerField.size()));
            break;
        }
        int bound = pointsPerField.size() + (range == null ? 0 : 1);
        if (bound == 0) {
            return null;
        }
        List<List<Object>> prefixes = cartesian(pointsPerField);
        if (prefixes == null) {
            return null;
        }
        int component = pointsPerField.size();
        Object start;
        Object end;
        // Bounds are in value order; a descending field's entries run from its highest value to its lowest.
        boolean descending = component < fields.size() && index.isDescending(component);
        if (range == null) {
            start = descending ? Bound.HIGHEST : Bound.LOWEST;
            end = descending ? Bound.LOWEST : Bound.HIGHEST;
        } else if (descending) {
            start = range[1];
            end = range[0];
        } else {
            start = range[0];
            end = range[1];
        }
        Boolean reverse = sortDirection(index, orderBy, pointsPerField);
        boolean exact = conditions.size() == bound && exact(index, conditions, pointsPerField.size(), range != null);
        Boolean explodedReverse = null;
        boolean explodeRange = false;
        if (reverse == null && orderBy != null && !orderBy.isEmpty() && prefixes.size() <= MAX_EXPLODED) {
            List<List<Object>> single = new ArrayList<>();
            pointsPerField.forEach(points -> single.add(List.of(points.get(0))));
            explodedReverse = sortDirection(index, orderBy, single);
            if (explodedReverse == null && range != null) {
                single.add(List.of(Bound.LOWEST));
                explodedReverse = sortDirection(index, orderBy, single);
                explodeRange = explodedReverse != null;
            }
        }
        return new Plan(index, prefixes, start, end, Boolean.TRUE.equals(reverse), reverse != null, bound, exact,
            explodedReverse, explodeRange);
    }

    /**
     * Whether the index entries in the bounds are exactly the documents matching the conditions (so they can be
     * counted without reading a document): one condition per bounded field, each turned into bounds without loss.
     */
    private static boolean exact(SecondaryIndex index, Map<String, List<Object>> conditions, int points,
                                 boolean ranged) {
        List<String> fields = index.fields();
        for (int i = 0; i < points + (ranged ? 1 : 0); i++) {
            List<Object> fieldConditions = conditions.get(fields.get(i));
            if (fieldConditions == null || fieldConditions.size() != 1) {
                return false;
            }
            Object condition = fieldConditions.get(0);
            if (i < points) {
                if (!scalar(condition) && !(condition instanceof Document operators && operators.size() == 1
                    && (scalar(operators.get("$eq")) || operators.get("$in") instanceof Collection<?>))) {
                    return false;
                }
            } else if (!exactRange(condition, index.isMultikey(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean exactRange(Object condition, boolean multikey) {
        String prefix = anchoredPrefix(condition);
        if (prefix != null) {
            String pattern = BsonRegularExpression.convertToRegularExpression(condition).getPattern();
            return pattern.equals("^" + prefix) || pattern.equals("^\\Q" + prefix + "\\E")
                || pattern.equals("^\\Q" + prefix);
        }
        if (!(condition instanceof Document operators) || BsonRegularExpression.isRegularExpression(condition)) {
            return false;
        }
        Object low = lowBound(operators);
        Object high = highBound(operators);
        int known = (operators.containsKey("$gt") ? 1 : 0) + (operators.containsKey("$gte") ? 1 : 0)
            + (operators.containsKey("$lt") ? 1 : 0) + (operators.containsKey("$lte") ? 1 : 0);
        if (known != operators.size() || (low == null && high == null) || known > 2) {
            return false;
        }
        if (low != null && high != null) {
            return !multikey && Bound.typeRank(((Bound) low).value()) == Bound.typeRank(((Bound) high).value());
        }
        return known == 1;
    }

    /** The values a field must equal (sorted, normalised), or null if its conditions give none usable. */
    private static List<Object> points(List<Object> fieldConditions) {
        for (Object condition : fieldConditions) {
            if (scalar(condition)) {
                return List.of(normalize(condition));
            }
            if (condition instanceof Document operators && !BsonRegularExpression.isRegularExpression(condition)) {
                Object eq = operators.get("$eq");
                if (operators.containsKey("$eq") && scalar(eq)) {
                    return List.of(normalize(eq));
                }
                if (operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                    && values.stream().allMatch(IndexPlanner::scalar)) {
                    TreeSet<Object> sorted = new TreeSet<>(ORDER);
                    values.forEach(value -> sorted.add(normalize(value)));
                    return new ArrayList<>(sorted);
                }
            }
        }
        return null;
    }

    /** {low, high} bounds in value order for the first range or prefix condition of a field, or null. */
    private static Object[] range(List<Object> fieldConditions, boolean multikey) {
        for (Object condition : fieldConditions) {
            String prefix = anchoredPrefix(condition);
            if (prefix != null) {
                return new Object[] {Bound.before(prefix), Bound.afterPrefix(prefix)};
            }
            if (!(condition instanceof Document operators) || BsonRegularExpression.isRegularExpression(condition)) {
                continue;
            }
            if (operators.containsKey("$regex")) {
                prefix = anchoredPrefix(new BsonRegularExpression(String.valueOf(operators.get("$regex")),
                    operators.get("$options") == null ? "" : String.valueOf(operators.get("$options"))));
                if (prefix != null) {
                    return new Object[] {Bound.before(prefix), Bound.afterPrefix(prefix)};
                }
            }
            Object low = lowBound(operators);
            Object high = highBound(operators);
            if (low == null && high == null) {
                continue;
            }
            Object lowValue = low == null ? null : ((Bound) low).value();
            Object highValue = high == null ? null : ((Bound) high).value();
            if (low != null && high != null && (multikey || Bound.typeRank(lowValue) != Bound.typeRank(highValue))) {
                high = null;
            }
            return new Object[] {
                low != null ? low : Bound.beforeTypeOf(highValue),
                high != null ? high : Bound.afterTypeOf(lowValue)};
        }
        return null;
    }

    private static Object lowBound(Document operators) {
        if (scalar(operators.get("$gte"))) {
            return Bound.before(normalize(operators.get("$gte")));
        }
        if (scalar(operators.get("$gt"))) {
            return Bound.after(normalize(operators.get("$gt")));
        }
        return null;
    }

    private static Object highBound(Document operators) {
        if (scalar(operators.get("$lte"))) {
            return Bound.after(normalize(operators.get("$lte")));
        }
        if (scalar(operators.get("$lt"))) {
            return Bound.before(normalize(operators.get("$lt")));
        }
        return null;
    }

    /** The literal start of a case-sensitive regular expression anchored with {@code ^}, or null. */
    static String anchoredPrefix(Object condition) {
        if (!(condition instanceof BsonRegularExpression)
            && !(condition instanceof Document && BsonRegularExpression.isRegularExpression(condition))) {
            return null;
        }
        BsonRegularExpression regex = BsonRegularExpression.convertToRegularExpression(condition);
        String options = regex.getOptions() == null ? "" : regex.getOptions();
        String pattern = regex.getPattern();
        // An alternative (a|b) may match anywhere: no prefix is certain.
        if (!options.isEmpty() || pattern == null || !pattern.startsWith("^") || hasAlternative(pattern)) {
            return null;
        }
        if (pattern.startsWith("^\\Q")) {
            // Pattern.quote: a literal up to \E.
            int end = pattern.indexOf("\\E", 3);
            String quoted = end < 0 ? pattern.substring(3) : pattern.substring(3, end);
            String rest = end < 0 ? "" : pattern.substring(end + 2);
            boolean quantified = !rest.isEmpty() && "*?{".indexOf(rest.charAt(0)) >= 0;
            String literal = quantified && !quoted.isEmpty() ? quoted.substring(0, quoted.length() - 1) : quoted;
            return literal.isEmpty() ? null : literal;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (".[]{}()*+?^$|\\".indexOf(c) >= 0) {
                // A quantifier applies to the character before it, which then is not certain to be there.
                if ("*?{".indexOf(c) >= 0 && prefix.length() > 0) {
                    prefix.setLength(prefix.length() - 1);
                }
                break;
            }
            prefix.append(c);
        }
        return prefix.length() == 0 ? null : prefix.toString();
    }

    private static boolean hasAlternative(String pattern) {
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (quoted) {
                if (c == '\\' && pattern.startsWith("\\E", i)) {
                    quoted = false;
                    i++;
                }
            } else if (c == '\\') {
                quoted = pattern.startsWith("\\Q", i);
                i++;
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    /** Values that bound a scan: plain, comparable, and indexed as themselves. */
    private static boolean scalar(Object value) {
        return value instanceof Number || value instanceof String || value instanceof Instant
            || value instanceof Boolean || value instanceof ObjectId || value instanceof UUID;
    }

    /** As upstream normalises index keys: every number as a double unless that loses a long's precision. */
    private static Object normalize(Object value) {
        if (value instanceof Long l && l != (long) l.doubleValue()) {
            return value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        return value;
    }

    private static List<List<Object>> cartesian(List<List<Object>> pointsPerField) {
        List<List<Object>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        for (List<Object> points : pointsPerField) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : prefixes) {
                for (Object point : points) {
                    List<Object> longer = new ArrayList<>(prefix);
                    longer.add(point);
                    next.add(longer);
                }
            }
            if (next.size() > MAX_PREFIXES) {
                return null;
            }
            prefixes = next;
        }
        return prefixes;
    }

    /**
     * Whether scanning yields the requested order: null if it does not, FALSE forwards, TRUE backwards. No sort
     * is served by any order. The sort must name the index's fields from some field on whose predecessors the
     * query fixes one value each, all in the index's directions or all reversed; the {@code _id} that ends every
     * key may follow when the sort runs to the index's last field.
     */
    private static Boolean sortDirection(SecondaryIndex index, Document orderBy, List<List<Object>> pointsPerField) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.FALSE;
        }
        if (pointsPerField.stream().anyMatch(points -> points.size() > 1)) {
            return null;
        }
        List<String> fields = index.fields();
        List<String> sortFields = new ArrayList<>(orderBy.keySet());
        for (int first = 0; first <= pointsPerField.size(); first++) {
            Boolean reverse = null;
            boolean matches = true;
            for (int j = 0; j < sortFields.size() && matches; j++) {
                int component = first + j;
                boolean descending = ((Number) orderBy.get(sortFields.get(j))).intValue() < 0;
                boolean indexDescending;
                if (component < fields.size() && fields.get(component).equals(sortFields.get(j))
                    && !index.isMultikey(component)) {
                    indexDescending = index.isDescending(component);
                } else if (component == fields.size() && sortFields.get(j).equals("_id")
                    && j == sortFields.size() - 1) {
                    indexDescending = false;
                } else {
                    matches = false;
                    break;
                }
                boolean opposite = descending != indexDescending;
                if (reverse == null) {
                    reverse = opposite;
                } else if (reverse != opposite) {
                    matches = false;
                }
            }
            if (matches && reverse != null) {
                return reverse;
            }
        }
        return null;
    }
}
