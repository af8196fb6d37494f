package cn.huiyin.intake.open311;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoReport v2 answer, written once as the spec's XML and turned into JSON by the Spark convention the spec uses: a
 * container of repeated elements ({@code <services><service>}) becomes an array, everything else an object, an
 * empty element {@code null}. Written by hand with the JDK's StAX writer rather than jackson-dataformat-xml, which
 * would register an XML message converter for every endpoint of intake (ADR 0013).
 */
final class Open311Document {

    /** A list: in XML a container element with one {@code itemName} element per item; in JSON an array. */
    record Items(String itemName, List<?> items) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // The JDK's own writer (no instance reuse), so one factory serves concurrent requests.
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private final String rootName;
    private final Object body;

    private Open311Document(String rootName, Object body) {
        this.rootName = rootName;
        this.body = body;
    }

    /** An array answer, e.g. {@code <service_requests><request>…}. */
    static Open311Document list(String rootName, String itemName, List<? extends Map<String, ?>> items) {
        return new Open311Document(rootName, new Items(itemName, items));
    }

    /** An object answer, e.g. {@code <service_definition>…}. */
    static Open311Document object(String rootName, Map<String, ?> fields) {
        return new Open311Document(rootName, fields);
    }

    /** Ordered fields, nulls kept: the spec's examples show every field, empty ones as {@code null}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    byte[] render(Format format) {
        return format == Format.XML ? xml() : JSON.writeValueAsBytes(plain(body));
    }

    private static Object plain(Object value) {
        if (value instanceof Items items) {
            List<Object> list = new ArrayList<>();
            items.items().forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        return value;
    }

    private byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            element(writer, rootName, body, 0);
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Open311 XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter writer, String name, Object value, int depth) throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
        if (value == null || value instanceof Items items && items.items().isEmpty()
            || value instanceof Map<?, ?> map && map.isEmpty()) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Items items) {
            for (Object item : items.items()) {
                element(writer, items.itemName(), item, depth + 1);
            }
            writer.writeCharacters("\n" + "  ".repeat(depth));
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> field : map.entrySet()) {
                element(writer, (String) field.getKey(), field.getValue(), depth + 1);
            }
            writer.writeCharacters("\n" + "  ".repeat(depth));
        } else {
            writer.writeCharacters(xmlSafe(text(value)));
        }
        writer.writeEndElement();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return String.valueOf(value);
    }

    /** XML 1.0 cannot carry control characters or lone surrogates; stored text should have none, but never fail. */
    private static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (safe != null) {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c < 0xFFFE;
            if (!ok && safe == null) {
                safe = new StringBuilder(text.substring(0, i));
            }
            if (safe != null) {
                safe.append(ok ? c : '\uFFFD');
            }
        }
        return safe == null ? text : safe.toString();
    }
}
