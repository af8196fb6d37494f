package cn.huiyin.intake.open311;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huiyin.platform.kernel.SafeText;

/**
 * Name/value pairs of an {@code application/x-www-form-urlencoded} body or a query string, decoded here rather than
 * by the servlet container so that every flaw gets a clear 400 naming the field: a broken {@code %} escape, bytes
 * that are not UTF-8 (GeoReport v2 requires UTF-8), too many pairs. Raw UTF-8 bytes, which some clients send
 * unescaped, are accepted. Empty values count as absent, as the spec's "optional arguments" rule says.
 */
final class FormData {

    /** Far more than any Open311 request needs; a flood of pairs is refused before anything is looked at. */
    static final int MAX_PAIRS = 200;

    private final Map<String, List<String>> values;

    private FormData(Map<String, List<String>> values) {
        this.values = values;
    }

    static FormData empty() {
        return new FormData(new LinkedHashMap<>());
    }

    static FormData parseQuery(String query) {
        return query == null ? empty() : parse(query.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @throws Open311Exception (400) listing every pair that cannot be decoded */
    static FormData parse(byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<Open311Exception.Error> errors = new ArrayList<>();
        int pairs = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '&') {
                continue;
            }
            if (i > start) {
                if (++pairs > MAX_PAIRS) {
                    throw Open311Exception.invalid(null, "表单字段过多（最多 " + MAX_PAIRS + " 个）",
                        "Too many form fields (at most " + MAX_PAIRS + ")");
                }
                pair(body, start, i, values, errors);
            }
            start = i + 1;
        }
        if (!errors.isEmpty()) {
            throw Open311Exception.invalid(errors);
        }
        return new FormData(values);
    }

    private static void pair(byte[] body, int start, int end, Map<String, List<String>> values,
                             List<Open311Exception.Error> errors) {
        int equals = start;
        while (equals < end && body[equals] != '=') {
            equals++;
        }
        String name = decode(body, start, equals);
        if (name == null || name.isEmpty() || !SafeText.isSafe(name, false)) {
            errors.add(Open311Exception.Error.invalid(null, "表单中有无法解读的字段名（应为 UTF-8 的 URL 编码）",
                "A form field name cannot be decoded (expected URL-encoded UTF-8)"));
            return;
        }
        String value = equals < end ? decode(body, equals + 1, end) : "";
        if (value == null) {
            errors.add(Open311Exception.Error.invalid(name, "编码无效（应为 UTF-8 的 URL 编码）",
                "broken encoding (expected URL-encoded UTF-8)"));
            return;
        }
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** Percent-decodes bytes, then reads them as strict UTF-8; null if either step fails. */
    static String decode(byte[] body, int start, int end) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= end) {
                    return null;
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    Set<String> names() {
        return values.keySet();
    }

    /** Every non-empty value given for {@code name}, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    }

    /** How often {@code name} was given, empty values included. */
    int count(String name) {
        return values.getOrDefault(name, List.of()).size();
    }

    /** The value of a field that may be given once; null when absent or empty. */
    String single(String name, List<Open311Exception.Error> errors) {
        List<String> given = all(name);
        if (count(name) > 1) {
            errors.add(Open311Exception.Error.invalid(name, "只能填写一次", "may be given only once"));
        }
        return given.isEmpty() ? null : given.get(0);
    }

    /** For a value where a second copy changes nothing (the api_key): the first, or null. */
    String first(String name) {
        List<String> given = all(name);
        return given.isEmpty() ? null : given.get(0);
    }

    /** A list the spec lets clients give as a comma list, several times, or both ({@code status=open,closed}). */
    List<String> commaList(String name) {
        List<String> items = new ArrayList<>();
        for (String value : all(name)) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
