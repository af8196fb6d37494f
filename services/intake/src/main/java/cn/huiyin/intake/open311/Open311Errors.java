package cn.huiyin.intake.open311;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.service.ratelimit.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the Open311 endpoints in the spec's format ({@code <errors><error><code/><description/>}, or its JSON
 * array) instead of the platform's RFC 9457 problems: Open311 clients parse only the former. Status codes as the
 * spec says: 404 for what does not exist, 403 for a wrong or missing api_key, 400 for any other client error
 * (including a reused Idempotency-Key, which the JSON API answers 409); plus 413, 415 and 429 where HTTP has a
 * precise word. Unexpected failures are 500 with an error id, logged; never a stack trace.
 *
 * <p>It ranks above the platform's RFC 9457 advice ({@code ProblemDetailsAdvice.ORDER}) for these endpoints only
 * ({@code Open311ClientTest} checks the format of every error).
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    /** The JSON API's field paths, from the use case's own checks, as the Open311 client named them. */
    private static final Map<String, String> FIELDS = Map.of(
        "category", "service_code",
        "location.divisionCode", "attribute[division_code]",
        "occurredAt", "attribute[occurred_at]",
        "description", "description");

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> open311(Open311Exception e, HttpServletRequest request) {
        return Open311Responses.error(e, format(request));
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<byte[]> invalidFields(InvalidFieldsException e, HttpServletRequest request) {
        List<Open311Exception.Error> errors = e.problems().stream().map(Open311Errors::error).toList();
        return Open311Responses.error(Open311Exception.invalid(errors), format(request));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<byte[]> ruleViolated(DomainException e, HttpServletRequest request) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID, CONFLICT -> 400;
        };
        return Open311Responses.error(Open311Exception.of(status, e.messageZh(), e.messageEn()), format(request));
    }

    /** The platform's per-address limit ({@code huiyin.rate-limits.open311}), answered in the spec's format. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<byte[]> tooManyRequests(TooManyRequestsException e, HttpServletRequest request) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        Open311Exception limited = new Open311Exception(429, List.of(Open311Exception.Error.of(429, null,
            "请求过于频繁，请 " + seconds + " 秒后再试", "Too many requests; try again in " + seconds + " seconds")),
            e.retryAfter());
        return Open311Responses.error(limited, format(request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (isSecurityException(e)) {
            throw e;
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            return Open311Responses.error(Open311Exception.of(response.getStatusCode().value(), "请求有误",
                "Bad request"), format(request));
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        return Open311Responses.error(Open311Exception.of(500, "处理请求时发生意外错误，已记录。请告知编号 " + errorId,
            "An unexpected error occurred and was logged; quote id " + errorId), format(request));
    }

    private static Open311Exception.Error error(FieldProblem problem) {
        String field = FIELDS.getOrDefault(problem.field(), problem.field());
        return Open311Exception.Error.invalid(field, problem.message(), problem.messageEn());
    }

    private static Format format(HttpServletRequest request) {
        return Format.forErrorsOn(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
    }

    /** Spring Security decides 401 and 403 itself. */
    private static boolean isSecurityException(Exception e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().startsWith("org.springframework.security.")) {
                return true;
            }
        }
        return false;
    }
}
