package cn.huiyin.notifications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.huiyin.notifications.application.WorkerOptOut;
import cn.huiyin.notifications.application.WorkerVerification;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import cn.huiyin.platform.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker's own opt-out (自助退订) without an account, with the tracking number and the query code from the receipt,
 * which intake checks. The code travels in the body, never in a URL, and is neither stored nor logged here.
 */
@RestController
@PermitAll
@RateLimited("worker-opt-out")
@Tag(name = "Worker self-service (自助退订)", description = "The worker stops (or restarts) messages about a grievance")
class SelfServiceOptOutController {

    /** Ten digits (a query code) or eleven (the mobile, for grievances filed before query codes), as intake takes. */
    private static final Pattern SECRET = Pattern.compile("[0-9][0-9 -]{8,14}[0-9]");

    record Choice(String trackingNumber, String queryCode, Boolean optedOut) {
    }

    record Chosen(String trackingNumber, boolean optedOut, String effectZh, String effect) {
    }

    private final WorkerOptOut optOut;

    SelfServiceOptOutController(WorkerOptOut optOut) {
        this.optOut = optOut;
    }

    @PutMapping(path = "/api/public/notifications/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Stop (or restart) messages about my grievance (退订)",
        description = "With the tracking number and the query code from the receipt. optedOut=true: no more messages "
            + "about this grievance except the acceptance; false: messages again. Wrong digits look exactly like an "
            + "unknown number (404); too many wrong tries are refused by intake's lock-out (429).")
    Chosen choose(@RequestBody(required = false) Choice choice, HttpServletRequest http) {
        List<FieldProblem> problems = new ArrayList<>();
        String tracking = choice == null || choice.trackingNumber() == null ? "" : choice.trackingNumber().strip();
        if (tracking.isEmpty()) {
            problems.add(new FieldProblem("trackingNumber", "REQUIRED", "请填写受理编号",
                "Give the tracking number from the receipt"));
        } else if (tracking.length() > 20) {
            problems.add(new FieldProblem("trackingNumber", "TOO_LONG", "受理编号最多 20 个字符（如 HY-20261122-000105）",
                "at most 20 characters (e.g. HY-20261122-000105)"));
        }
        String code = choice == null ? null : choice.queryCode();
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("queryCode", "REQUIRED", "请填写回执上的查询码",
                "Give the query code from the receipt"));
        } else if (!SECRET.matcher(code).matches()) {
            problems.add(new FieldProblem("queryCode", "MALFORMED", "请填写回执上的查询码（10 位数字）",
                "must be the query code on the receipt (10 digits)"));
        }
        if (choice == null || choice.optedOut() == null) {
            problems.add(new FieldProblem("optedOut", "REQUIRED", "请说明是否退订（true 退订，false 恢复接收）",
                "Say whether to stop messages (true) or receive them again (false)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        boolean optedOut = choice.optedOut();
        optOut.choose(tracking, code, optedOut, http.getRemoteAddr());
        return optedOut
            ? new Chosen(tracking, true, "已退订：除受理通知外，不再向您发送该诉求的短信", "Opted out: no more messages "
                + "about this grievance except the acceptance")
            : new Chosen(tracking, false, "已恢复接收该诉求的短信", "You will receive messages about this grievance again");
    }

    @ExceptionHandler(WorkerVerification.Unavailable.class)
    ProblemDetail intakeUnavailable(WorkerVerification.Unavailable e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, null, "暂时无法核验编号，请稍后再试",
            "The tracking number cannot be checked right now; try again later");
    }
}
