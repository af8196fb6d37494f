package cn.huiyin.platform.messaging.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventKafkaHeadersTest {

    private final CloudEvent submitted = new CloudEvent("5a1c-0001", "/huiyin/intake",
        "cn.huiyin.intake.GrievanceSubmitted.v1", Instant.parse("2026-02-12T08:00:00.123456Z"), "G-2026-0001",
        CloudEvent.JSON, "{\"grievanceId\":\"G-2026-0001\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void everyContextAttributeTravelsAsItsOwnUtf8Header() {
        Map<String, String> headers = asMap(CloudEventKafkaHeaders.toHeaders(submitted));

        assertThat(headers).containsExactly(
            Map.entry("ce_specversion", "1.0"),
            Map.entry("ce_id", "5a1c-0001"),
            Map.entry("ce_source", "/huiyin/intake"),
            Map.entry("ce_type", "cn.huiyin.intake.GrievanceSubmitted.v1"),
            Map.entry("ce_time", "2026-02-12T08:00:00.123Z"),
            Map.entry("ce_subject", "G-2026-0001"),
            Map.entry("content-type", "application/json"));
    }

    @Test
    void theTimeIsAnRfc3339TimestampInUtc() {
        String time = asMap(CloudEventKafkaHeaders.toHeaders(submitted)).get("ce_time");

        assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(Instant.parse(time)).isEqualTo(Instant.parse("2026-02-12T08:00:00.123Z"));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameEvent() {
        RecordHeaders headers = new RecordHeaders(CloudEventKafkaHeaders.toHeaders(submitted));

        CloudEvent read = CloudEventKafkaHeaders.fromHeaders(headers, submitted.data());

        assertThat(read.id()).isEqualTo(submitted.id());
        assertThat(read.type()).isEqualTo(submitted.type());
        assertThat(read.source()).isEqualTo(submitted.source());
        assertThat(read.subject()).isEqualTo(submitted.subject());
        assertThat(read.time()).isEqualTo(Instant.parse("2026-02-12T08:00:00.123Z"));
        assertThat(read.dataAsString()).isEqualTo("{\"grievanceId\":\"G-2026-0001\"}");
    }

    @Test
    void headersGivenAsStringsByAFrameworkAreReadToo() {
        Map<String, Object> headers = Map.of("ce_specversion", "1.0", "ce_id", "x-1", "ce_source", "/huiyin/intake",
            "ce_type", "t", "ce_time", "2026-10-01T00:00:00+08:00");

        CloudEvent read = CloudEventKafkaHeaders.read(headers::get, new byte[] {'{', '}'});

        assertThat(read.time()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
    }

    @Test
    void aRecordWithoutAnIdIsNotACloudEvent() {
        RecordHeaders headers = new RecordHeaders(CloudEventKafkaHeaders.toHeaders(submitted));
        headers.remove("ce_id");

        assertThatThrownBy(() -> CloudEventKafkaHeaders.fromHeaders(headers, submitted.data()))
            .isInstanceOf(InvalidCloudEventException.class).hasMessageContaining("ce_id");
    }

    @Test
    void anotherSpecVersionOrABadTimeIsRefused() {
        RecordHeaders wrongVersion = new RecordHeaders(CloudEventKafkaHeaders.toHeaders(submitted));
        wrongVersion.remove("ce_specversion");
        wrongVersion.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));
        RecordHeaders badTime = new RecordHeaders(CloudEventKafkaHeaders.toHeaders(submitted));
        badTime.remove("ce_time");
        badTime.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventKafkaHeaders.fromHeaders(wrongVersion, submitted.data()))
            .hasMessageContaining("ce_specversion");
        assertThatThrownBy(() -> CloudEventKafkaHeaders.fromHeaders(badTime, submitted.data()))
            .hasMessageContaining("RFC 3339");
    }

    private static Map<String, String> asMap(List<Header> headers) {
        return headers.stream().collect(Collectors.toMap(Header::key,
            h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b, java.util.LinkedHashMap::new));
    }
}
