package cn.huiyin.platform.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The updates services send most — {@code $set}, {@code $setOnInsert}, {@code $inc}, {@code $max}, {@code $min},
 * {@code $unset}, {@code $push} (of a value, or {@code $each} with an optional {@code $slice}) and {@code $pull} of
 * sub-documents by a field's strings ({@code {eventId: {$in: [...]}}}, the outbox relay's) of plain dotted paths
 * through sub-documents — applied without upstream's general machinery: upstream
 * copies the whole document twice and, for every path, splits it and matches two regular expressions per level
 * (compiled anew each time), which made updates half of the embedded server's CPU in the loop (a dashboard cell takes
 * some 25 {@code $inc} of three-level paths per event). Only the sub-documents on the changed paths are copied, so the
 * stored document stays as it was until the new one replaces it.
 *
 * <p>Anything else — another operator, a positional or numeric path segment (an array), a path through a value that
 * is not a sub-document, paths that overlap, a value upstream would refuse or compare differently — is left to
 * upstream ({@link #apply} answers {@code null}), which also produces its errors. {@code PlainUpdateTest} holds both
 * to the same results.
 */
final class PlainUpdate {

    private static final Set<String> OPERATORS = Set.of("$set", "$setOnInsert", "$inc", "$max", "$min", "$unset",
        "$push", "$pull");

    private final Document stored;
    private final Document updated;
    /** Sub-documents already copied for this update (by identity), so that each is copied once. */
    private final Map<Document, Boolean> copied = new IdentityHashMap<>();
    private boolean changed;

    private PlainUpdate(Document stored) {
        this.stored = stored;
        this.updated = new Document(stored);
        copied.put(updated, Boolean.TRUE);
    }

    /**
     * The document as {@code update} leaves {@code stored} (an existing document: {@code $setOnInsert} does nothing),
     * {@code stored} itself if nothing changes, or {@code null} if upstream must apply this update.
     */
    static Document apply(Document stored, Document update, String idField) {
        if (!isPlain(update, idField)) {
            return null;
        }
        PlainUpdate plain = new PlainUpdate(stored);
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            Document fields = (Document) operator.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!plain.apply(operator.getKey(), field.getKey(), field.getValue())) {
                    return null;
                }
            }
        }
        return plain.changed ? plain.updated : stored;
    }

    /** Known operators, each with at least one field; paths of plain names that neither repeat nor nest. */
    private static boolean isPlain(Document update, String idField) {
        if (update.isEmpty()) {
            return false;
        }
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey()) || !(operator.getValue() instanceof Document fields)
                || fields.isEmpty()) {
                return false;
            }
            for (String path : fields.keySet()) {
                if (!isPlainPath(path) || path.equals(idField) || path.startsWith(idField + ".")) {
                    return false;
                }
                paths.add(path);
            }
        }
        Set<String> seen = new HashSet<>();
        for (String path : paths) {
            if (!seen.add(path)) {
                return false;
            }
        }
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                if (seen.contains(path.substring(0, dot))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isPlainPath(String path) {
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            int end = dot < 0 ? path.length() : dot;
            if (end == start || path.charAt(start) == '$' || isDigits(path, start, end)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    private static boolean isDigits(String path, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a plain update applied to an existing document may change a value at one of {@code keys}: one of its
     * paths ({@code $setOnInsert} aside) is a key, lies under one, or holds one.
     */
    static boolean touches(Document update, List<String> keys) {
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            if (operator.getKey().equals("$setOnInsert")) {
                continue;
            }
            for (String path : ((Document) operator.getValue()).keySet()) {
                for (String key : keys) {
                    if (isWithin(path, key) || isWithin(key, path)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code path} is {@code prefix} or lies under it. */
    private static boolean isWithin(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '.');
    }

    /** Applies one field of one operator; false if upstream must handle the update. */
    private boolean apply(String operator, String path, Object value) {
        if (operator.equals("$setOnInsert")) {
            return true;
        }
        int last = path.lastIndexOf('.');
        String name = path.substring(last + 1);
        boolean create = !operator.equals("$unset") && !operator.equals("$pull");
        Document parent = parentOf(path, last, create);
        if (parent == null) {
            return !create && reachable(path, last);
        }
        Object old = parent.get(name);
        boolean present = parent.containsKey(name);
        switch (operator) {
            case "$set" -> {
                if (present && old instanceof Number && value instanceof Number && old.getClass() != value.getClass()) {
                    return false; // upstream compares numbers by value: leave the choice of type to it
                }
                if (!present || !Objects.equals(old, value)) {
                    put(parent, name, value);
                }
            }
            case "$unset" -> {
                if (present) {
                    parent.remove(name);
                    changed = true;
                }
            }
            case "$push" -> {
                List<Object> pushed = PlainArrayUpdate.pushed(present ? old : null, value);
                if (pushed == null) {
                    return false;
                }
                if (!present || !pushed.equals(old)) {
                    put(parent, name, pushed);
                }
            }
            case "$pull" -> {
                if (old == null) {
                    return true;
                }
                List<Object> kept = PlainArrayUpdate.kept(old, value);
                if (kept == null) {
                    return false;
                }
                if (kept.size() != ((List<?>) old).size()) {
                    put(parent, name, kept);
                }
            }
            case "$inc" -> {
                if (!(value instanceof Number increment) || old != null && !(old instanceof Number)) {
                    return false;
                }
                Number sum = NumericUtils.addNumbers(old == null ? Integer.valueOf(0) : (Number) old, increment);
                if (!present || !sum.equals(old)) {
                    put(parent, name, sum);
                }
            }
            default -> {
                if (!present) {
                    put(parent, name, value);
                } else if (!comparable(old, value)) {
                    return false;
                } else {
                    int order = ValueComparator.asc().compare(value, old);
                    if (operator.equals("$max") ? order > 0 : order < 0) {
                        put(parent, name, value);
                    }
                }
            }
        }
        return true;
    }

    private void put(Document parent, String name, Object value) {
        parent.put(name, value);
        changed = true;
    }

    /** Values upstream compares within one type: numbers, or two values of one class (strings, dates). */
    private static boolean comparable(Object old, Object value) {
        if (old == null || value == null) {
            return false;
        }
        return old instanceof Number && value instanceof Number && !(old instanceof Decimal128)
            && !(value instanceof Decimal128)
            || old.getClass() == value.getClass() && (old instanceof String || old instanceof Instant
            || old instanceof Date);
    }

    /**
     * The (copied) sub-document that holds the path's last name, creating missing ones if asked; null if a level is
     * missing and not to be created, or is not a sub-document.
     */
    private Document parentOf(String path, int last, boolean create) {
        Document current = updated;
        int start = 0;
        while (start <= last) {
            int dot = path.indexOf('.', start);
            if (dot < 0 || dot > last) {
                break;
            }
            String name = path.substring(start, dot);
            Object child = current.get(name);
            if (child == null && !current.containsKey(name)) {
                if (!create) {
                    return null;
                }
                Document created = new Document();
                copied.put(created, Boolean.TRUE);
                current.put(name, created);
                current = created;
            } else if (child instanceof Document document) {
                current = ownCopy(current, name, document);
            } else {
                return null;
            }
            start = dot + 1;
        }
        return current;
    }

    /** Whether an {@code $unset} path that met a missing level is a no-op (upstream's) and not a non-document. */
    private boolean reachable(String path, int last) {
        Object current = updated;
        int start = 0;
        while (start <= last) {
            int dot = path.indexOf('.', start);
            if (!(current instanceof Document document)) {
                return false;
            }
            String name = path.substring(start, dot);
            if (!document.containsKey(name)) {
                return true;
            }
            current = document.get(name);
            start = dot + 1;
        }
        return false;
    }

    private Document ownCopy(Document parent, String name, Document child) {
        if (copied.containsKey(child)) {
            return child;
        }
        Document copy = new Document(child);
        copied.put(copy, Boolean.TRUE);
        parent.put(name, copy);
        return copy;
    }
}
