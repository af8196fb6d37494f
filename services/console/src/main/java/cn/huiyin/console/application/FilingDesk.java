package cn.huiyin.console.application;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window clerk's and the hotline operator's filing (受理登记): one grievance to intake, then the evidence they
 * attached. Intake decides what is valid; the console only turns the form into intake's request and intake's problems
 * back into messages next to the fields.
 */
public class FilingDesk {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Services services;

    public FilingDesk(Services services) {
        this.services = services;
    }

    /** What the clerk typed. {@code occurredAt} is the form's local Beijing date-time ({@code 2026-11-12T18:40}). */
    public record Filing(String channel, String station, String workerName, String workerMobile, String workerResidentId,
                         String workerGroup, String platformOrEmployer, boolean confidential, String category,
                         String description, String divisionCode, String address, String occurredAt,
                         String preferredContactTime, String idempotencyKey) {
    }

    public record Evidence(String fileName, String contentType, byte[] content) {
    }

    /** Filed: intake's receipt, and whether every piece of evidence was attached. */
    public record Filed(Map<String, Object> receipt, List<String> evidenceNotAttached) {
    }

    /** Filed, or refused with the problems of each field (nothing stored). */
    public record Outcome(Filed filed, Refusal refusal) {
    }

    public Outcome file(Filing filing, List<Evidence> evidence) {
        List<FieldMessage> local = new ArrayList<>();
        Optional<String> occurredAt = occurredAt(filing.occurredAt(), local);
        if (!local.isEmpty()) {
            return new Outcome(null, new Refusal(400, "请求数据有误", "Invalid request data", "", "", local));
        }
        Answer answer = services.postWithKey(Service.INTAKE, "/api/grievances", request(filing, occurredAt.orElse(null)),
            filing.idempotencyKey());
        if (!answer.ok()) {
            return new Outcome(null, Refusal.of(answer));
        }
        String id = String.valueOf(answer.map().get("grievanceId"));
        List<String> notAttached = new ArrayList<>();
        for (Evidence file : evidence) {
            try {
                if (!services.upload(Service.INTAKE, "/api/grievances/" + id + "/evidence", file.fileName(),
                    file.contentType(), file.content()).ok()) {
                    notAttached.add(file.fileName());
                }
            } catch (ServiceUnavailable down) {
                notAttached.add(file.fileName());
            }
        }
        return new Outcome(new Filed(answer.map(), notAttached), null);
    }

    private static Optional<String> occurredAt(String value, List<FieldMessage> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip()).atZone(BEIJING).toOffsetDateTime().toString());
        } catch (DateTimeParseException e) {
            problems.add(new FieldMessage("occurredAt", "发生时间格式有误，应为 年-月-日 时:分",
                "Occurred at: use year-month-day hour:minute"));
            return Optional.empty();
        }
    }

    private static Map<String, Object> request(Filing f, String occurredAt) {
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("name", f.workerName());
        worker.put("mobile", f.workerMobile());
        putIfText(worker, "residentId", f.workerResidentId());
        worker.put("group", blankToNull(f.workerGroup()));
        putIfText(worker, "platformOrEmployer", f.platformOrEmployer());
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("divisionCode", f.divisionCode());
        putIfText(location, "address", f.address());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channel", blankToNull(f.channel()));
        if (f.station() != null && !f.station().isBlank()) {
            request.put("recordedBy", Map.of("station", f.station().strip()));
        }
        request.put("worker", worker);
        request.put("confidential", f.confidential());
        putIfText(request, "category", f.category());
        request.put("description", f.description());
        request.put("location", location);
        putIfText(request, "occurredAt", occurredAt);
        putIfText(request, "preferredContactTime", f.preferredContactTime());
        return request;
    }

    private static void putIfText(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
