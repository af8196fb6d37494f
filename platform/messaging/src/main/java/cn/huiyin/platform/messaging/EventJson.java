package cn.huiyin.platform.messaging;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping used for event data on the wire: ISO-8601 timestamps, absent instead of null for missing
 * optional fields, and tolerant reading (a consumer ignores fields it does not know, so producers can add fields
 * without breaking anyone).
 */
public final class EventJson {

    private final JsonMapper mapper;

    public EventJson() {
        this.mapper = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    }

    public byte[] write(Object event) {
        return mapper.writeValueAsBytes(event);
    }

    public String writeAsString(Object event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }

    /** Reads event data into the consumer's own view of it; throws {@link JacksonException} if it does not fit. */
    public <T> T read(byte[] data, Class<T> type) {
        return mapper.readValue(data, type);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
