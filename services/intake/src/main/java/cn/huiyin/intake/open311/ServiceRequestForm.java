package cn.huiyin.intake.open311;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.kernel.ChinaIdentifiers;
import cn.huiyin.platform.kernel.SafeText;

/**
 * A GeoReport v2 "POST Service Request" form read into an intake {@link Submission}: every field checked, every
 * problem reported at once (an unknown service_code makes the answer a 404, as the spec says, but the other problems
 * still travel with it). The worker's name and mobile go where the JSON API puts them (encrypted at rest, never in
 * events); email, device_id and account_id are checked but not kept, since intake does not need them.
 */
final class ServiceRequestForm {

    /** The spec's own POST fields; anything else is refused, as misspelt JSON fields are (ADR 0009). */
    static final Set<String> FIELDS = Set.of("api_key", "jurisdiction_id", "service_code", "lat", "long",
        "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
        "description", "media_url");

    /** The attribute codes intake knows where to put (see {@link #submission}). */
    static final Set<String> ATTRIBUTES = Set.of("worker_group", "division_code", "platform_or_employer",
        "platform_order_number", "occurred_at", "confidential", "preferred_contact_time", "hotline_ticket");

    /** Attributes every service must require: a grievance cannot be filed without them. */
    static final Set<String> REQUIRED_EVERYWHERE = Set.of("worker_group", "division_code");

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_NAME = 50;

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,64})](\\[])?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,15})?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,15})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** A readable form: the submission, and what the client wants echoed. */
    record Filing(Submission submission, String accountId) {
    }

    private final FormData form;
    private final ServiceCatalog catalog;
    private final Instant now;
    private final List<Open311Exception.Error> errors = new ArrayList<>();

    private ServiceRequestForm(FormData form, ServiceCatalog catalog, Instant now) {
        this.form = form;
        this.catalog = catalog;
        this.now = now;
    }

    /** @throws Open311Exception 400 (or 404 for an unknown service_code) with one error per problem */
    static Filing read(FormData form, ServiceCatalog catalog, Recorder recorder, Instant now) {
        return new ServiceRequestForm(form, catalog, now).read(recorder);
    }

    private Filing read(Recorder recorder) {
        Map<String, List<String>> attributes = attributesAndUnknownFields();

        String serviceCode = form.single("service_code", errors);
        ServiceCatalog.Service service = null;
        if (serviceCode == null) {
            errors.add(Open311Exception.Error.invalid("service_code", "必填，取自 services 列表", "is required; see the services list"));
        } else {
            service = catalog.service(serviceCode).orElse(null);
            if (service == null) {
                errors.add(Open311Exception.Error.of(404, "service_code", "没有这项服务，请查看 services 列表",
                    "no such service; see the services list"));
            }
        }

        String name = name();
        String mobile = mobile();
        String description = text("description", true, MAX_DESCRIPTION, true);
        String mediaUrl = mediaUrl();
        if (description != null && mediaUrl != null
            && SafeText.length(description) + SafeText.length(mediaNote(mediaUrl)) > MAX_DESCRIPTION) {
            errors.add(Open311Exception.Error.invalid("description", "描述加上 media_url 超过 " + MAX_DESCRIPTION + " 字",
                "description and media_url together exceed " + MAX_DESCRIPTION + " characters"));
        }
        Place.Coordinates coordinates = coordinates();
        String address = text("address_string", false, 200, false);
        String addressId = text("address_id", false, 12, false);
        String email = text("email", false, 254, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(Open311Exception.Error.invalid("email", "不是有效的电子邮箱地址", "not a valid email address"));
        }
        text("device_id", false, 100, false);
        String accountId = text("account_id", false, 100, false);
        text("jurisdiction_id", false, 100, false);

        Map<String, List<String>> values = service == null ? Map.of() : attributes(service, attributes, addressId);
        if (!errors.isEmpty()) {
            boolean unknownService = errors.stream().anyMatch(e -> e.code() == 404);
            throw new Open311Exception(unknownService ? 404 : 400, errors);
        }
        return new Filing(submission(service, recorder, name, mobile, description, mediaUrl, address, coordinates,
            values), accountId);
    }

    /** Splits {@code attribute[code]} fields off and refuses fields the spec does not name. */
    private Map<String, List<String>> attributesAndUnknownFields() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (String field : form.names()) {
            Matcher attribute = ATTRIBUTE.matcher(field);
            if (attribute.matches()) {
                attributes.computeIfAbsent(attribute.group(1), code -> new ArrayList<>()).addAll(form.all(field));
            } else if (!FIELDS.contains(field)) {
                errors.add(Open311Exception.Error.invalid(printable(field), "不认识的字段，请检查拼写",
                    "unknown field; check the spelling"));
            }
        }
        return attributes;
    }

    /** Given name and family name as one name: 李 + 明 = 李明 in Chinese order, "Ming Li" otherwise. */
    private String name() {
        int before = errors.size();
        String first = text("first_name", false, MAX_NAME, false);
        String last = text("last_name", false, MAX_NAME, false);
        if (first == null && last == null) {
            if (errors.size() == before) {
                errors.add(Open311Exception.Error.invalid("first_name", "请填写姓名（first_name、last_name 至少一项）",
                    "a name is required: first_name, last_name or both"));
            }
            return null;
        }
        String name;
        if (first == null || last == null) {
            name = first == null ? last : first;
        } else {
            name = HAN.matcher(first + last).find() ? last + first : first + " " + last;
        }
        if (SafeText.length(name) > MAX_NAME) {
            errors.add(Open311Exception.Error.invalid("first_name", "姓名合计不能超过 " + MAX_NAME + " 字",
                "first_name and last_name together must not exceed " + MAX_NAME + " characters"));
        }
        return name;
    }

    /** The worker's mainland mobile, written as people write it: spaces, dashes and a +86 are dropped. */
    private String mobile() {
        String phone = text("phone", false, 30, true);
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (!ChinaIdentifiers.isMainlandMobile(digits)) {
            errors.add(Open311Exception.Error.invalid("phone", "不是有效的中国大陆手机号码（11 位，以 1 开头），回访要用",
                "not a mainland China mobile number (11 digits starting with 1), needed to call back"));
            return null;
        }
        return digits;
    }

    private String mediaUrl() {
        String url = text("media_url", false, 500, false);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException notAUri) {
            // reported below
        }
        errors.add(Open311Exception.Error.invalid("media_url", "应为 http 或 https 链接", "must be an http or https URL"));
        return null;
    }

    /** lat and long together, WGS84, as decimals (no NaN, no exponents). */
    private Place.Coordinates coordinates() {
        String lat = text("lat", false, 30, false);
        String lon = text("long", false, 30, false);
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            String missing = lat == null ? "lat" : "long";
            errors.add(Open311Exception.Error.invalid(missing, "lat 和 long 须同时提供", "lat and long go together"));
            return null;
        }
        Double latitude = degrees("lat", lat, 90);
        Double longitude = degrees("long", lon, 180);
        return latitude == null || longitude == null ? null : new Place.Coordinates(latitude, longitude);
    }

    private Double degrees(String field, String value, int limit) {
        if (DECIMAL.matcher(value).matches()) {
            BigDecimal degrees = new BigDecimal(value);
            if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) <= 0) {
                return degrees.doubleValue();
            }
        }
        errors.add(Open311Exception.Error.invalid(field, "应为 -" + limit + " 到 " + limit + " 之间的十进制度数（WGS84）",
            "must be decimal degrees between -" + limit + " and " + limit + " (WGS84)"));
        return null;
    }

    /** Checks the service's attributes; returns the accepted values by code. */
    private Map<String, List<String>> attributes(ServiceCatalog.Service service, Map<String, List<String>> given,
                                                 String addressId) {
        for (String code : given.keySet()) {
            if (service.attribute(code).isEmpty()) {
                errors.add(Open311Exception.Error.invalid(printable("attribute[" + code + "]"),
                    "服务 " + service.code() + " 没有这个属性，请查看其服务定义",
                    "service " + service.code() + " has no such attribute; see its service definition"));
            }
        }
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (ServiceCatalog.Attribute attribute : service.attributes()) {
            String field = "attribute[" + attribute.code() + "]";
            List<String> values = given.getOrDefault(attribute.code(), List.of());
            if ("division_code".equals(attribute.code()) && addressId != null) {
                // No geocoder: address_id, where given, is the same division code (ADR 0013).
                if (!attribute.allows(addressId)) {
                    errors.add(Open311Exception.Error.invalid("address_id", "不是本市的区、街道或社区代码",
                        "not a district, street or community code of this city"));
                } else if (!values.isEmpty() && !values.contains(addressId)) {
                    errors.add(Open311Exception.Error.invalid("address_id", "与 " + field + " 不一致",
                        "differs from " + field));
                } else if (values.isEmpty()) {
                    values = List.of(addressId);
                }
            }
            if (values.isEmpty()) {
                if (attribute.required()) {
                    errors.add(Open311Exception.Error.invalid(field, "必填", "is required"));
                }
                continue;
            }
            if (values.size() > 1 && !"multivaluelist".equals(attribute.datatype())) {
                errors.add(Open311Exception.Error.invalid(field, "只能填写一个值", "takes one value only"));
                continue;
            }
            if (valid(field, attribute, values)) {
                accepted.put(attribute.code(), values);
            }
        }
        return accepted;
    }

    private boolean valid(String field, ServiceCatalog.Attribute attribute, List<String> values) {
        for (String value : values) {
            boolean multiline = "text".equals(attribute.datatype());
            Optional<SafeText.Problem> unsafe = SafeText.check(SafeText.normalise(value), multiline);
            if (unsafe.isPresent()) {
                errors.add(Open311Exception.Error.invalid(field, unsafe.get().zh(), unsafe.get().en()));
                return false;
            }
            switch (attribute.datatype()) {
                case "singlevaluelist", "multivaluelist" -> {
                    if (!attribute.allows(value)) {
                        errors.add(Open311Exception.Error.invalid(field, "不是可选的值，请查看服务定义",
                            "not one of the values the service definition lists"));
                        return false;
                    }
                }
                case "string", "text" -> {
                    int max = attribute.maxLength() != null ? attribute.maxLength()
                        : "text".equals(attribute.datatype()) ? MAX_DESCRIPTION : 200;
                    if (value.isBlank() || SafeText.length(value) > max) {
                        errors.add(Open311Exception.Error.invalid(field, "不能为空白，且不超过 " + max + " 字",
                            "must not be blank and at most " + max + " characters"));
                        return false;
                    }
                }
                case "number" -> {
                    if (!NUMBER.matcher(value).matches()) {
                        errors.add(Open311Exception.Error.invalid(field, "应为十进制数", "must be a decimal number"));
                        return false;
                    }
                }
                case "datetime" -> {
                    Instant at = dateTime(value);
                    if (at == null) {
                        errors.add(Open311Exception.Error.invalid(field, "应为带时区的 ISO 8601 时间，如 2026-11-12T18:40:00+08:00",
                            "must be an ISO 8601 date-time with offset, e.g. 2026-11-12T18:40:00+08:00"));
                        return false;
                    }
                    if ("occurred_at".equals(attribute.code()) && at.isAfter(now)) {
                        errors.add(Open311Exception.Error.invalid(field, "发生时间不能晚于现在", "must not be in the future"));
                        return false;
                    }
                }
                default -> throw new IllegalStateException("Unknown datatype " + attribute.datatype());
            }
        }
        return true;
    }

    static Instant dateTime(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notADateTime) {
            return null;
        }
    }

    /**
     * A top-level text field: once at most, safe characters, not longer than {@code max}.
     *
     * @return the stripped value, or null when absent or refused
     */
    private String text(String field, boolean multiline, int max, boolean required) {
        String value = SafeText.normalise(form.single(field, errors));
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(Open311Exception.Error.invalid(field, "必填", "is required"));
            }
            return null;
        }
        Optional<SafeText.Problem> unsafe = SafeText.check(value, multiline);
        if (unsafe.isPresent()) {
            errors.add(Open311Exception.Error.invalid(field, unsafe.get().zh(), unsafe.get().en()));
            return null;
        }
        String stripped = value.strip();
        if (SafeText.length(stripped) > max) {
            errors.add(Open311Exception.Error.invalid(field, "不能超过 " + max + " 字", "must be at most " + max
                + " characters"));
            return null;
        }
        return stripped;
    }

    /** A field name a client sent, safe to echo in an error. */
    private static String printable(String field) {
        String shown = field.length() > 80 ? field.substring(0, 80) + "…" : field;
        return SafeText.isSafe(shown, false) ? shown : "?";
    }

    static String mediaNote(String mediaUrl) {
        return "\n\n【图片/附件链接 Media】" + mediaUrl;
    }

    /** Where each field and attribute goes in intake's submission. */
    private static Submission submission(ServiceCatalog.Service service, Recorder recorder, String name, String mobile,
                                         String description, String mediaUrl, String address,
                                         Place.Coordinates coordinates, Map<String, List<String>> values) {
        String platformOrderNumber = one(values, "platform_order_number");
        String hotlineTicket = one(values, "hotline_ticket");
        String occurredAt = one(values, "occurred_at");
        Worker worker = new Worker(name, mobile, null, WorkerGroup.valueOf(one(values, "worker_group")),
            one(values, "platform_or_employer"), null);
        return new Submission(Channel.MINI_PROGRAM, recorder, worker, "true".equals(one(values, "confidential")),
            service.code(), mediaUrl == null ? description : description + mediaNote(mediaUrl),
            new Place(one(values, "division_code"), address, coordinates),
            occurredAt == null ? null : dateTime(occurredAt),
            platformOrderNumber == null && hotlineTicket == null ? null
                : new ExternalReferences(hotlineTicket, platformOrderNumber),
            one(values, "preferred_contact_time"));
    }

    private static String one(Map<String, List<String>> values, String code) {
        List<String> given = values.get(code);
        return given == null || given.isEmpty() ? null : SafeText.normalise(given.get(0).strip());
    }
}
