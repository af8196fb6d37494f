package cn.huiyin.platform.messaging.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The Kafka protocol binding of CloudEvents 1.0 in <em>binary</em> content mode: context attributes travel as
 * {@code ce_}-prefixed headers with UTF-8 string values, {@code content-type} carries the data's media type and the
 * record value is the data itself. Written by hand (no SDK) so every header is ours to test.
 */
public final class CloudEventKafkaHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension: the aggregate that raised the event. */
    public static final String AGGREGATE_ID = "ce_aggregateid";
    /**
     * Extension (CloudEvents "sequence"): the event's number within its aggregate, zero-padded to 19 digits so that
     * the spec's lexical comparison and numeric order agree.
     */
    public static final String SEQUENCE = "ce_sequence";

    private CloudEventKafkaHeaders() {
    }

    /** The headers of a record carrying {@code event}, in a stable order. */
    public static List<Header> toHeaders(CloudEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(SPEC_VERSION, CloudEvent.SPEC_VERSION);
        values.put(ID, event.id());
        values.put(SOURCE, event.source());
        values.put(TYPE, event.type());
        if (event.time() != null) {
            values.put(TIME, formatTime(event.time()));
        }
        if (event.subject() != null) {
            values.put(SUBJECT, event.subject());
        }
        if (event.aggregateId() != null) {
            values.put(AGGREGATE_ID, event.aggregateId());
        }
        if (event.sequence() != null) {
            values.put(SEQUENCE, String.format("%019d", event.sequence()));
        }
        values.put(CONTENT_TYPE, event.dataContentType() == null ? CloudEvent.JSON : event.dataContentType());
        List<Header> headers = new ArrayList<>(values.size());
        values.forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    /** Reads an event from a consumed record's headers and value; throws if it is not a valid binary-mode event. */
    public static CloudEvent fromHeaders(Headers headers, byte[] value) {
        return read(name -> {
            Header header = headers.lastHeader(name);
            return header == null ? null : header.value();
        }, value);
    }

    /**
     * Reads an event from headers given as a lookup by name, for frameworks that expose headers as a map (Spring
     * Messaging). Values may be byte arrays or strings.
     */
    public static CloudEvent read(Function<String, Object> header, byte[] value) {
        String specVersion = required(header, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidCloudEventException("unsupported " + SPEC_VERSION + " '" + specVersion + "'");
        }
        String time = optional(header, TIME);
        Instant instant;
        try {
            instant = time == null ? null : Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time));
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException(TIME + " '" + time + "' is not an RFC 3339 timestamp");
        }
        if (value == null) {
            throw new InvalidCloudEventException("the record has no value (data)");
        }
        String sequence = optional(header, SEQUENCE);
        Long number;
        try {
            number = sequence == null ? null : Long.valueOf(sequence.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCloudEventException(SEQUENCE + " '" + sequence + "' is not a number");
        }
        if (number != null && number < 1) {
            throw new InvalidCloudEventException(SEQUENCE + " '" + sequence + "' must be 1 or more");
        }
        return new CloudEvent(required(header, ID), required(header, SOURCE), required(header, TYPE), instant,
            optional(header, SUBJECT), optional(header, CONTENT_TYPE), value, optional(header, AGGREGATE_ID), number);
    }

    /** RFC 3339 in UTC with millisecond precision, e.g. {@code 2026-11-22T02:15:30.123Z}. */
    public static String formatTime(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String required(Function<String, Object> header, String name) {
        String value = optional(header, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(Function<String, Object> header, String name) {
        Object value = header.apply(name);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
