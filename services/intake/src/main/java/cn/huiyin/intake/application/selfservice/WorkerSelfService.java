package cn.huiyin.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.ratelimit.RateLimits;
import cn.huiyin.platform.service.security.ActingAs;

/**
 * What a worker can do without an account, with the tracking number and the last four digits of their mobile
 * number: follow the case, add information (补充) and withdraw it (撤回) while it is open. A wrong number and wrong
 * digits get the same answer as an unknown grievance, and repeated failures are rate-limited per client and per
 * tracking number, so the four digits cannot be guessed.
 */
public class WorkerSelfService {

    static final String FAILURES = "self-service-failures";
    /** How the audit trail names the worker acting through the self-service (never by name or number). */
    static final String ACTOR = "worker:self-service";

    private final Grievances grievances;
    private final RateLimits rateLimits;
    private final Clock clock;

    public WorkerSelfService(Grievances grievances, RateLimits rateLimits, Clock clock) {
        this.grievances = grievances;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    public Grievance status(String trackingNumber, String mobileLastFour, String client) {
        return identify(trackingNumber, mobileLastFour, client);
    }

    public Grievance supplement(String trackingNumber, String mobileLastFour, String text, String client) {
        Grievance grievance = identify(trackingNumber, mobileLastFour, client);
        grievance.supplement(text, "WORKER", now());
        saveAsWorker(grievances, grievance);
        return grievance;
    }

    public Grievance withdraw(String trackingNumber, String mobileLastFour, String reason, String client) {
        Grievance grievance = identify(trackingNumber, mobileLastFour, client);
        grievance.withdraw(reason, "WORKER", now());
        saveAsWorker(grievances, grievance);
        return grievance;
    }

    /** The grievance the number and digits identify; a failure costs a permit before the caller learns anything. */
    public Grievance identify(String trackingNumber, String mobileLastFour, String client) {
        Grievance grievance = TrackingNumber.isWellFormed(trackingNumber)
            ? grievances.find(trackingNumber).orElse(null) : null;
        if (grievance == null || !grievance.worker().mobileEndsWith(mobileLastFour)) {
            rateLimits.acquire(FAILURES, "client:" + client);
            rateLimits.acquire(FAILURES, "grievance:" + trackingNumber);
            throw DomainException.notFound("self-service.no-match", "没有找到与该编号和手机尾号相符的诉求，请核对后再试",
                "No grievance matches this tracking number and these mobile digits; check them and try again");
        }
        return grievance;
    }

    /** Stores a change the worker made, so the audit trail names the worker's self-service as its author. */
    static void saveAsWorker(Grievances grievances, Grievance grievance) {
        ActingAs.call(ACTOR, () -> {
            grievances.update(grievance);
            return grievance;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
