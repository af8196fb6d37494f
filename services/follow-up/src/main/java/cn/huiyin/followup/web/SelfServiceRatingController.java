package cn.huiyin.followup.web;

import cn.huiyin.followup.application.Callbacks;
import cn.huiyin.followup.domain.casefile.CallbackAttempt;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import cn.huiyin.platform.service.security.ActingAs;
import cn.huiyin.platform.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker rates the outcome without an account (the self-service link on the receipt), with the tracking number and
 * the query code from the receipt, which intake checks. The code travels in the body, never in a URL.
 */
@RestController
@PermitAll
@RateLimited("worker-rating")
@Tag(name = "Worker self-service (自助评价)", description = "The worker's own rating of a resolved grievance")
class SelfServiceRatingController {

    /** How the audit trail names the worker (never by name or number). */
    static final String ACTOR = "worker:self-service";

    /** What the worker is told. */
    record Rated(String grievanceId, String status, String statusZh, String outcome) {
    }

    private final Callbacks callbacks;

    SelfServiceRatingController(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(path = "/api/public/callbacks/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rate my resolved grievance (自助评价)",
        description = "Was it solved (YES / PARTLY / NO) and how satisfied are you (SATISFIED / BASICALLY_SATISFIED / "
            + "DISSATISFIED)? Counts as the callback of the current round; dissatisfaction reopens the case. Wrong "
            + "digits look exactly like an unknown number.")
    Rated rate(@Valid @RequestBody Requests.WorkerRating body, HttpServletRequest http) {
        CaseFile caseFile = ActingAs.call(ACTOR, () -> callbacks.rateAsWorker(body.trackingNumber().strip(),
            body.queryCode(), http.getRemoteAddr(), new CallbackAttempt.Answers(body.solved(),
                body.satisfaction(), null, Requests.blankToNull(body.comment()))));
        return new Rated(caseFile.id(), caseFile.status().name(), caseFile.status().nameZh(),
            caseFile.closure().map(c -> c.outcome().name()).orElse(null));
    }

    @ExceptionHandler(IntakeSelfService.Unavailable.class)
    ProblemDetail intakeUnavailable(IntakeSelfService.Unavailable e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, null, "暂时无法核验编号，请稍后再试",
            "The tracking number cannot be checked right now; try again later");
    }
}
