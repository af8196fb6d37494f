package cn.huiyin.notifications.application;

import java.time.Clock;

import cn.huiyin.platform.kernel.DomainException;

/**
 * The worker opts out (退订) or back in by themselves, with the tracking number and the query code of their receipt,
 * without an account and without anyone on the staff seeing or handling the code. From then on every message to the
 * worker about that grievance except the acceptance is recorded {@code WITHHELD} instead of sent (ADR 0026).
 */
public class WorkerOptOut {

    /** How the consent record names the worker (never by name or number). */
    public static final String ACTOR = "worker:self-service";

    private final WorkerVerification verification;
    private final Consents consents;
    private final Clock clock;

    public WorkerOptOut(WorkerVerification verification, Consents consents, Clock clock) {
        this.verification = verification;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * @throws DomainException 404 {@code self-service.no-match} when the number and code do not match (exactly as for
     *                         an unknown number, so a guess learns nothing)
     */
    public void choose(String trackingNumber, String queryCode, boolean optedOut, String client) {
        if (!verification.isWorker(trackingNumber, queryCode, client)) {
            throw DomainException.notFound("self-service.no-match", "没有找到与该编号和查询码相符的诉求，请核对后再试",
                "No grievance matches this tracking number and query code; check them and try again");
        }
        // The tracking number is the grievance id (ADR 0011).
        consents.record(trackingNumber, optedOut, clock.instant(), ACTOR);
    }
}
