package cn.huiyin.intake.open311;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.huiyin.platform.kernel.SafeText;
import cn.huiyin.platform.service.security.ActingAs;
import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.open311.ClientRequests;
import cn.huiyin.intake.application.SubmissionReceipt;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import cn.huiyin.platform.service.web.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), so existing Open311 apps can file grievances and follow
 * them. Services and their definitions are public, as in the spec. Grievances are not potholes: the worker may fear
 * retaliation, so filing <em>and</em> reading need the client's api key, and a client sees only what it filed.
 * Requests are read here, not by Spring's binders, so that every flaw gets the spec's error format (ADR 0013). The
 * OAuth layer does not apply ({@code @PermitAll}); the api key is checked here.
 */
@RestController
@RequestMapping("/open311")
@RateLimited("open311")
@Tag(name = "Open311 GeoReport v2", description = "File and follow grievances from Open311 clients (api key)")
class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** The spec's default and maximum window for GET requests. */
    static final Duration WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    static final int MAX_IDS = 100;

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final SubmitGrievance submitGrievance;
    private final ClientRequests requests;
    private final ReferenceData referenceData;
    private final ServiceCatalog catalog;
    private final Open311Clients clients;
    private final Open311Properties properties;
    private final Clock clock;

    Open311Controller(SubmitGrievance submitGrievance, ClientRequests requests, ReferenceData referenceData,
                      ServiceCatalog catalog, Open311Clients clients, Open311Properties properties, Clock clock) {
        this.submitGrievance = submitGrievance;
        this.requests = requests;
        this.referenceData = referenceData;
        this.catalog = catalog;
        this.clients = clients;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/discovery.{format}")
    @PermitAll
    @Operation(summary = "Service discovery: where the GeoReport v2 endpoint is and which formats it speaks")
    ResponseEntity<byte[]> discovery(@PathVariable("format") String format, HttpServletRequest request) {
        Format answer = format(format);
        Open311Properties.Discovery discovery = properties.discovery();
        String url = ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").build().toUriString();
        return Open311Responses.ok(answer, Open311Document.object("discovery", Open311Document.fields(
            "changeset", discovery.changeset(),
            "contact", discovery.contact(),
            "key_service", discovery.keyService(),
            "endpoints", new Open311Document.Items("endpoint", List.of(Open311Document.fields(
                "specification", SPECIFICATION,
                "url", url,
                "changeset", discovery.changeset(),
                "type", discovery.type(),
                "formats", new Open311Document.Items("format", List.of("text/xml", "application/json"))))))));
    }

    @GetMapping("/v2/services.{format}")
    @PermitAll
    @Operation(summary = "GET Service List: the grievance categories (诉求分类)")
    ResponseEntity<byte[]> services(@PathVariable("format") String format) {
        Format answer = format(format);
        return Open311Responses.ok(answer, Open311Document.list("services", "service",
            catalog.services().stream().map(ServiceCatalog::listEntry).toList()));
    }

    @GetMapping("/v2/services/{service_code}.{format}")
    @PermitAll
    @Operation(summary = "GET Service Definition: the attributes a category asks for")
    ResponseEntity<byte[]> serviceDefinition(@PathVariable("service_code") String serviceCode,
                                             @PathVariable("format") String format) {
        Format answer = format(format);
        ServiceCatalog.Service service = catalog.service(serviceCode).orElseThrow(() -> Open311Exception.of(404,
            "没有这项服务，请查看 services 列表", "No such service_code; see the services list"));
        return Open311Responses.ok(answer, Open311Document.object("service_definition",
            ServiceCatalog.definition(service)));
    }

    @PostMapping("/v2/requests.{format}")
    @PermitAll
    @Operation(summary = "POST Service Request: file a grievance (form data, api_key)",
        description = "application/x-www-form-urlencoded as GeoReport v2 defines it. With an Idempotency-Key header a "
            + "retry returns the first answer and files nothing new.")
    ResponseEntity<byte[]> file(@PathVariable("format") String format, HttpServletRequest request,
                                @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Format answer = format(format);
        FormData form = FormData.parse(body(request));
        FormData query = FormData.parseQuery(request.getQueryString());
        String apiKey = form.first("api_key") != null ? form.first("api_key") : query.first("api_key");
        Open311Clients.Client client = clients.authenticate(apiKey).orElseThrow(Open311Exception::badApiKey);

        List<Open311Exception.Error> headerProblems = new ArrayList<>();
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            headerProblems.add(Open311Exception.Error.invalid("Idempotency-Key", "应为 1 到 100 个可见 ASCII 字符",
                "must be 1 to 100 visible ASCII characters"));
        }
        ServiceRequestForm.Filing filing;
        try {
            filing = ServiceRequestForm.read(form, catalog, new Recorder(client.recorder(), client.org(), null),
                clock.instant());
        } catch (Open311Exception invalid) {
            List<Open311Exception.Error> all = new ArrayList<>(invalid.errors());
            all.addAll(headerProblems);
            throw new Open311Exception(invalid.status(), all);
        }
        if (!headerProblems.isEmpty()) {
            throw Open311Exception.invalid(headerProblems);
        }

        // The one way in: tracking number, event, outbox and audit all come from the use case.
        SubmitGrievance.Result result = ActingAs.call(client.recorder(), () -> submitGrievance.submit(filing.submission(),
            idempotencyKey == null ? null : client.recorder() + "|" + idempotencyKey));
        SubmissionReceipt receipt = result.receipt();
        String token = requests.token(receipt.trackingNumber(), client.name());
        return Open311Responses.status(200, answer)
            .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
            .body(Open311Document.list("service_requests", "request", List.of(Open311Document.fields(
                "service_request_id", receipt.trackingNumber(),
                "token", token,
                "service_notice", receipt.text(),
                "account_id", filing.accountId()))).render(answer));
    }

    @GetMapping("/v2/requests.{format}")
    @PermitAll
    @Operation(summary = "GET Service Requests: the client's own grievances (api_key; last 90 days, at most 1000)")
    ResponseEntity<byte[]> list(@PathVariable("format") String format, HttpServletRequest request) {
        Format answer = format(format);
        FormData query = FormData.parseQuery(request.getQueryString());
        Open311Clients.Client client = client(query);
        List<Grievance> found = query.all("service_request_id").isEmpty() ? search(query, client)
            : requests.filedBy(client.recorder(), ids(query));
        return Open311Responses.ok(answer, requests(found));
    }

    @GetMapping("/v2/requests/{service_request_id}.{format}")
    @PermitAll
    @Operation(summary = "GET Service Request: one of the client's grievances by tracking number (api_key)")
    ResponseEntity<byte[]> one(@PathVariable("service_request_id") String id, @PathVariable("format") String format,
                               HttpServletRequest request) {
        Format answer = format(format);
        Open311Clients.Client client = client(FormData.parseQuery(request.getQueryString()));
        return Open311Responses.ok(answer, requests(List.of(filedBy(client, id))));
    }

    @GetMapping("/v2/tokens/{token}.{format}")
    @PermitAll
    @Operation(summary = "GET service_request_id from a token (api_key)")
    ResponseEntity<byte[]> token(@PathVariable("token") String token, @PathVariable("format") String format,
                                 HttpServletRequest request) {
        Format answer = format(format);
        Open311Clients.Client client = client(FormData.parseQuery(request.getQueryString()));
        String trackingNumber = requests.trackingNumberOf(token, client.name()).orElseThrow(() -> Open311Exception.of(404,
            "没有这个 token，或不是由您的应用取得的", "No such token issued to your application"));
        return Open311Responses.ok(answer, Open311Document.list("service_requests", "request",
            List.of(Open311Document.fields("service_request_id", trackingNumber, "token", token))));
    }

    /** Anything else under /open311: the spec's 404, or 405 for a known resource asked with the wrong method. */
    @RequestMapping("/**")
    @PermitAll
    @Operation(hidden = true)
    ResponseEntity<byte[]> elsewhere(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Format answer = Format.forErrorsOn(path, request.getHeader(HttpHeaders.ACCEPT));
        String allowed = allowedMethods(path);
        if (allowed == null) {
            return Open311Responses.error(Open311Exception.of(404,
                "没有这个 Open311 地址；GeoReport v2 的资源在 /open311/v2/ 下，以 .json 或 .xml 结尾",
                "No such Open311 address; GeoReport v2 resources are under /open311/v2/ and end in .json or .xml"), answer);
        }
        Open311Exception refused = Open311Exception.of(405, "此地址不支持 " + request.getMethod() + " 请求，请用 "
            + allowed, "This address does not accept " + request.getMethod() + "; use " + allowed);
        return Open311Responses.status(405, answer).header(HttpHeaders.ALLOW, allowed)
            .body(Open311Responses.errors(refused.errors()).render(answer));
    }

    private static String allowedMethods(String path) {
        if (path.matches("/open311/v2/requests\\.[^/]*")) {
            return "GET, POST";
        }
        if (path.matches("/open311/v2/services\\.[^/]*|/open311/v2/(services|requests|tokens)/[^/]+\\.[^/]*"
            + "|/open311/discovery\\.[^/]*")) {
            return "GET";
        }
        return null;
    }

    private static Format format(String suffix) {
        return Format.of(suffix).orElseThrow(() -> Open311Exception.unknownFormat(suffix));
    }

    private Open311Clients.Client client(FormData query) {
        return clients.authenticate(query.first("api_key")).orElseThrow(Open311Exception::badApiKey);
    }

    /** A grievance this client filed; anything else, including another client's, is "not found". */
    private Grievance filedBy(Open311Clients.Client client, String id) {
        return requests.filedBy(client.recorder(), id).orElseThrow(Open311Exception::noSuchRequest);
    }

    private Open311Document requests(List<Grievance> found) {
        return Open311Document.list("service_requests", "request",
            found.stream().map(g -> ServiceRequestView.of(g, referenceData)).toList());
    }

    /** service_request_id=HY-…,HY-…: the spec says it overrides every other filter. */
    private static List<String> ids(FormData query) {
        Set<String> ids = new LinkedHashSet<>(query.commaList("service_request_id"));
        List<Open311Exception.Error> errors = new ArrayList<>();
        if (ids.size() > MAX_IDS) {
            errors.add(Open311Exception.Error.invalid("service_request_id", "一次最多查询 " + MAX_IDS + " 件",
                "at most " + MAX_IDS + " at a time"));
        }
        for (String id : ids) {
            if (!TrackingNumber.isWellFormed(id)) {
                errors.add(Open311Exception.Error.invalid("service_request_id", "“" + printable(id)
                    + "”不是诉求编号（如 HY-20261122-000001）", "'" + printable(id)
                    + "' is not a tracking number (like HY-20261122-000001)"));
            }
        }
        if (!errors.isEmpty()) {
            throw Open311Exception.invalid(errors);
        }
        return List.copyOf(ids);
    }

    /** The spec's filters: service_code, start_date, end_date (at most 90 days apart), status. */
    private List<Grievance> search(FormData query, Open311Clients.Client client) {
        List<Open311Exception.Error> errors = new ArrayList<>();
        List<String> codes = query.commaList("service_code");
        for (String code : codes) {
            if (catalog.service(code).isEmpty()) {
                errors.add(Open311Exception.Error.invalid("service_code", "没有服务“" + printable(code) + "”",
                    "no service '" + printable(code) + "'"));
            }
        }
        Set<GrievanceStatus> statuses = EnumSet.noneOf(GrievanceStatus.class);
        for (String status : query.commaList("status")) {
            switch (status.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(statuses(true));
                case "closed" -> statuses.addAll(statuses(false));
                default -> errors.add(Open311Exception.Error.invalid("status", "只能是 open 或 closed",
                    "must be open or closed"));
            }
        }
        Instant start = date(query, "start_date", errors);
        Instant end = date(query, "end_date", errors);
        if (!errors.isEmpty()) {
            throw Open311Exception.invalid(errors);
        }
        if (start == null && end == null) {
            end = clock.instant();
        }
        if (start == null) {
            start = end.minus(WINDOW);
        } else if (end == null) {
            end = start.plus(WINDOW);
        }
        if (start.isAfter(end)) {
            throw Open311Exception.invalid("start_date", "不能晚于 end_date", "must not be after end_date");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw Open311Exception.invalid("end_date", "与 start_date 相隔不能超过 90 天",
                "must not be more than 90 days after start_date");
        }
        if (statuses.size() == GrievanceStatus.values().length) {
            statuses.clear();
        }
        return requests.filedBy(client.recorder(), codes, statuses, start, end.plusMillis(1), MAX_RESULTS);
    }

    private static Set<GrievanceStatus> statuses(boolean open) {
        Set<GrievanceStatus> statuses = EnumSet.noneOf(GrievanceStatus.class);
        for (GrievanceStatus status : GrievanceStatus.values()) {
            if (status.isOpen() == open) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    private static Instant date(FormData query, String field, List<Open311Exception.Error> errors) {
        String value = query.single(field, errors);
        if (value == null) {
            return null;
        }
        Instant at = ServiceRequestForm.dateTime(value.strip());
        if (at == null) {
            errors.add(Open311Exception.Error.invalid(field, "应为带时区的 W3C 时间，如 2026-11-01T00:00:00+08:00",
                "must be a W3C date-time with offset, e.g. 2026-11-01T00:00:00+08:00"));
        }
        return at;
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return SafeText.isSafe(shown, false) ? shown : "?";
    }

    /**
     * The raw form body, bounded: a declared length over the limit is refused before reading (the size filter
     * normally has already), a chunked body while reading.
     */
    private byte[] body(HttpServletRequest request) {
        checkContentType(request.getContentType());
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, properties.maxRequestSize().toBytes());
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try {
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (PayloadTooLargeException platformLimit) {
            throw tooLarge(limit);
        } catch (IOException unreadable) {
            throw Open311Exception.invalid(null, "请求体无法读取", "The request body could not be read");
        }
    }

    static Open311Exception tooLarge(long limit) {
        return Open311Exception.of(413, "请求内容超过上限 " + limit + " 字节", "The request body exceeds the limit of "
            + limit + " bytes");
    }

    /** GeoReport v2 posts {@code application/x-www-form-urlencoded}, in UTF-8. */
    private static void checkContentType(String contentType) {
        Open311Exception unsupported = Open311Exception.of(415,
            "请以 application/x-www-form-urlencoded; charset=utf-8 提交表单",
            "Send the form as application/x-www-form-urlencoded; charset=utf-8");
        if (contentType == null) {
            throw unsupported;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType); // InvalidMediaTypeException is an IllegalArgumentException
        } catch (IllegalArgumentException unreadable) {
            throw unsupported;
        }
        if (!MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            throw unsupported;
        }
        String charset = type.getParameter("charset");
        if (charset != null) {
            String name = charset.replace("\"", "").strip().toLowerCase(Locale.ROOT);
            if (!name.equals("utf-8") && !name.equals("utf8")) {
                throw unsupported;
            }
        }
    }
}
