package cn.huiyin.platform.service.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

/** Describes JSON binding problems in the client's terms: the field path it sent and the type it should have sent. */
final class JsonProblemPaths {

    record Expected(String zh, String en) {
    }

    private JsonProblemPaths() {
    }

    /** {@code worker.mobile}, {@code evidence[0].name}; empty for the body as a whole. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code /worker/mobile} (a JSON Pointer) as {@code worker.mobile}; {@code /evidence/0} as {@code evidence[0]}. */
    static String path(String jsonPointer) {
        if (jsonPointer == null || jsonPointer.isEmpty() || "/".equals(jsonPointer)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (String segment : jsonPointer.substring(1).split("/")) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                path.append('[').append(name).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    static Expected expected(Class<?> type) {
        if (type == null) {
            return new Expected("其他类型", "another type");
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return new Expected("以下值之一：" + values, "one of: " + values);
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return new Expected("文本", "text");
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Expected("布尔值 true 或 false", "a boolean, true or false");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
            || type == Short.class || type == short.class) {
            return new Expected("整数", "an integer");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return new Expected("数字", "a number");
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return new Expected("带时区的日期时间，如 2026-11-22T09:30:00+08:00",
                "a date-time with offset, e.g. 2026-11-22T09:30:00+08:00");
        }
        if (type == LocalDateTime.class) {
            return new Expected("日期时间，如 2026-11-22T09:30:00", "a date-time, e.g. 2026-11-22T09:30:00");
        }
        if (type == LocalDate.class) {
            return new Expected("日期，如 2026-11-22", "a date, e.g. 2026-11-22");
        }
        if (type == LocalTime.class) {
            return new Expected("时间，如 09:30", "a time, e.g. 09:30");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return new Expected("数组", "an array");
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return new Expected("对象", "an object");
        }
        return new Expected(type.getSimpleName(), type.getSimpleName());
    }
}
