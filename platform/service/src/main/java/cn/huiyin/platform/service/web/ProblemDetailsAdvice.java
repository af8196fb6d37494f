package cn.huiyin.platform.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.service.ratelimit.TooManyRequestsException;
import cn.huiyin.platform.service.validation.BilingualMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error a Huiyin service answers with becomes an RFC 9457 problem response, in Chinese and English, naming each
 * bad field. Unexpected failures answer 500 with an error id to quote, and are logged with that id; the client never
 * sees a stack trace.
 */
@RestControllerAdvice
@Order(ProblemDetailsAdvice.ORDER)
public class ProblemDetailsAdvice {

    /** Ahead of Spring's own handlers, behind a service's advice for its own endpoints (e.g. Open311's error format). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final BilingualMessages messages;
    private final Supplier<Validator> validator;

    /** @param validator checks the rest of a body whose refused fields were taken out ({@link FieldByFieldBinding}) */
    public ProblemDetailsAdvice(BilingualMessages messages, Supplier<Validator> validator) {
        this.messages = messages;
        this.validator = validator;
    }

    /**
     * Every field of a body that Jackson refused, and every field of the rest that bean validation refuses, in one
     * answer. A refused field is not reported a second time as missing.
     */
    @ExceptionHandler(FieldByFieldBinding.RefusedFieldsException.class)
    ProblemDetail refusedFields(FieldByFieldBinding.RefusedFieldsException e) {
        List<FieldProblem> problems = new ArrayList<>(e.problems());
        Validator checker = validator.get();
        if (e.validate() && e.partial() != null && checker != null) {
            for (ConstraintViolation<Object> violation : checker.validate(e.partial())) {
                String field = violation.getPropertyPath().toString();
                boolean refusedAlready = e.problems().stream().anyMatch(p -> field.equals(p.field())
                    || field.startsWith(p.field() + ".") || field.startsWith(p.field() + "["));
                if (!refusedAlready) {
                    problems.add(messages.toProblem(field, violation));
                }
            }
        }
        return Problems.invalidFields(problems);
    }

    /** What a field Jackson refused to bind gets as its problem: unknown, wrong characters or wrong type. */
    static FieldProblem bindingProblem(String path, DatabindException e) {
        if (e instanceof SafeTextDeserializer.UnsafeTextException unsafe) {
            return new FieldProblem(path, unsafe.problem().code(), unsafe.problem().zh(), unsafe.problem().en());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldProblem(path, "field.unknown", "不认识的字段，请检查拼写", "unknown field; check the spelling");
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        JsonProblemPaths.Expected expected = JsonProblemPaths.expected(target);
        return new FieldProblem(path, "type.mismatch", "类型不正确，应为" + expected.zh(),
            "has the wrong type; expected " + expected.en());
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalidBody(BindException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : "";
            problems.add(toProblem(field, error));
        }
        return Problems.invalidFields(problems);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String field = error instanceof FieldError fieldError ? name + "." + fieldError.getField() : name;
                problems.add(toProblem(field, error));
            });
        });
        return Problems.invalidFields(problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidArguments(ConstraintViolationException e) {
        return Problems.invalidFields(e.getConstraintViolations().stream()
            .map(v -> messages.toProblem(v.getPropertyPath().toString(), v)).toList());
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e) {
        return Problems.invalidFields(e.problems());
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail ruleViolated(DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = Problems.of(status, switch (e.kind()) {
            case INVALID -> Problems.VALIDATION;
            case NOT_FOUND -> Problems.NOT_FOUND;
            case FORBIDDEN -> Problems.FORBIDDEN;
            case CONFLICT -> Problems.CONFLICT;
        }, e.messageZh(), e.messageEn());
        problem.setProperty("code", e.code());
        return problem;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED,
            "请求过于频繁，请 " + seconds + " 秒后再试", "Too many requests; try again in " + seconds + " seconds");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
            .body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail changedMeanwhile(OptimisticLockingFailureException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT,
            "该记录刚被他人修改，请刷新后重试", "Someone else changed this record just now; reload and try again");
        problem.setProperty("code", "concurrent.modification");
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return RequestSizeLimitFilter.tooLarge(tooLarge.limit());
        }
        if (cause instanceof DatabindException refused && !JsonProblemPaths.path(refused.getPath()).isEmpty()) {
            return Problems.invalidFields(List.of(bindingProblem(JsonProblemPaths.path(refused.getPath()), refused)));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            JsonProblemPaths.Expected expected = JsonProblemPaths.expected(mismatch.getTargetType());
            return Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "请求体应为" + expected.zh(),
                "The request body should be " + expected.en());
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            JacksonException jackson = (JacksonException) cause;
            String where = jackson.getLocation() == null ? ""
                : "（第 " + jackson.getLocation().getLineNr() + " 行第 " + jackson.getLocation().getColumnNr() + " 列）";
            String whereEn = jackson.getLocation() == null ? ""
                : " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
            return Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "请求体不是有效的 JSON" + where,
                "The request body is not valid JSON" + whereEn);
        }
        return Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED, "请求体缺失或无法读取",
            "The request body is missing or unreadable");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameterType(MethodArgumentTypeMismatchException e) {
        JsonProblemPaths.Expected expected = JsonProblemPaths.expected(e.getRequiredType());
        return Problems.invalidFields(List.of(new FieldProblem(e.getName(), "type.mismatch",
            "类型不正确，应为" + expected.zh(), "has the wrong type; expected " + expected.en())));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
        MissingServletRequestPartException.class})
    ProblemDetail missingPart(Exception e) {
        String name = "";
        if (e instanceof MissingServletRequestParameterException parameter) {
            name = parameter.getParameterName();
        } else if (e instanceof MissingRequestHeaderException header) {
            name = header.getHeaderName();
        } else if (e instanceof MissingServletRequestPartException part) {
            name = part.getRequestPartName();
        }
        return Problems.invalidFields(List.of(new FieldProblem(name, "NotNull", "必填", "is required")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE, "上传的文件超过大小上限",
            "The uploaded file exceeds the size limit");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().toString();
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "不支持该内容类型，请使用 " + supported,
            "Content type not supported; use " + supported);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.of(HttpStatus.NOT_ACCEPTABLE, null, "无法以所请求的格式作答", "Cannot answer in the requested format");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, null, "此地址不支持 " + e.getMethod() + " 请求",
            "This address does not accept " + e.getMethod());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchAddress(NoResourceFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "没有这个地址", "No such address");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (isSecurityException(e)) {
            throw e;
        }
        if (StoreUnavailable.isCause(e)) {
            // Not a fault of the request or of the code: the store does not answer in time (down, hung, failing over).
            log.warn("Store unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE,
                "数据存储暂时无法响应，请求未完成，请稍后重试", "The data store is not answering; the request was not "
                    + "completed. Try again shortly");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(StoreUnavailable.RETRY_AFTER_SECONDS)).body(problem);
        }
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            if (status.is4xxClientError()) {
                return ResponseEntity.status(status).body(Problems.of(status, null, null, null));
            }
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", errorId, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
            "处理请求时发生意外错误，已记录。请告知编号 " + errorId,
            "An unexpected error occurred and was logged; quote id " + errorId);
        problem.setProperty("errorId", errorId);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** Spring Security decides 401 and 403 itself; this advice must not turn them into 500. */
    private static boolean isSecurityException(Exception e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            String name = type.getName();
            if (name.equals("org.springframework.security.access.AccessDeniedException")
                || name.equals("org.springframework.security.core.AuthenticationException")
                || name.equals("org.springframework.security.authorization.AuthorizationDeniedException")) {
                return true;
            }
        }
        return false;
    }

    private FieldProblem toProblem(String field, MessageSourceResolvable error) {
        if (error instanceof ObjectError objectError && objectError.contains(ConstraintViolation.class)) {
            return messages.toProblem(field, objectError.unwrap(ConstraintViolation.class));
        }
        String message = error.getDefaultMessage() == null ? "无效" : error.getDefaultMessage();
        String code = error.getCodes() == null || error.getCodes().length == 0 ? "invalid"
            : error.getCodes()[error.getCodes().length - 1];
        return new FieldProblem(field, code, message, message);
    }
}
