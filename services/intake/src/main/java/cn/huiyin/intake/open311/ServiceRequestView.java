package cn.huiyin.intake.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.huiyin.contracts.reference.Category;
import cn.huiyin.contracts.reference.Division;
import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Progress;
import cn.huiyin.intake.web.ProgressText;

/**
 * A grievance as a GeoReport v2 service request: where it stands, in the spec's fields. Never the worker's name or
 * phone; the description is what the client itself sent.
 */
final class ServiceRequestView {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The W3C date-time profile the spec asks for, in Beijing time: 2026-11-22T19:26:24+08:00. */
    static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ServiceRequestView() {
    }

    static String dateTime(Instant instant) {
        return instant == null ? null : W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(BEIJING));
    }

    static Map<String, Object> of(Grievance grievance, ReferenceData referenceData) {
        String category = grievance.submission().category();
        Place place = grievance.submission().place();
        Progress latest = grievance.history().stream().max(Comparator.comparing(Progress::at)).orElse(null);
        return Open311Document.fields(
            "service_request_id", grievance.id(),
            // Open until closed: withdrawn, merged (and closed by follow-up later) are closed.
            "status", grievance.status().isOpen() ? "open" : "closed",
            "status_notes", latest == null ? null : ProgressText.zh(latest),
            "service_name", referenceData.category(category).map(Category::nameZh).orElse(null),
            "service_code", category,
            "description", grievance.submission().description(),
            "agency_responsible", grievance.handling() == null ? null : grievance.handling().orgName(),
            "service_notice", null,
            "requested_datetime", dateTime(grievance.submittedAt()),
            "updated_datetime", dateTime(latest == null ? grievance.submittedAt() : latest.at()),
            "expected_datetime", null,
            "address", address(place, referenceData),
            // The division code is Huiyin's address system (there is no geocoder); see ADR 0013.
            "address_id", place.divisionCode(),
            "zipcode", null,
            "lat", place.coordinates() == null ? null : place.coordinates().latitude(),
            "long", place.coordinates() == null ? null : place.coordinates().longitude(),
            "media_url", null);
    }

    /** From the most specific to the most general, as the spec asks: 成龙大道二段, 大面街道, 龙泉驿区, 成都市. */
    static String address(Place place, ReferenceData referenceData) {
        List<String> parts = new ArrayList<>();
        if (place.address() != null) {
            parts.add(place.address());
        }
        referenceData.lineage(place.divisionCode()).stream().map(Division::nameZh).forEach(parts::add);
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
