package cn.huiyin.intake.application.selfservice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.QueryCodes;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.ratelimit.TooManyRequestsException;
import cn.huiyin.platform.service.security.ActingAs;

/**
 * What a worker can do without an account, with the tracking number and the query code from the receipt: follow the
 * case, add information (补充) and withdraw it (撤回) while it is open.
 *
 * <p>Guessing is made useless. A wrong code, an unknown number and a malformed one all get the same answer. Every
 * attempt is counted before the code is checked, per tracking number and per client, in the database all instances
 * share; once a tracking number or a client has used up its failures, it is locked, and until the lock expires every
 * attempt gets the same "too many requests" — with the right code too, so the lock cannot be used to tell right from
 * wrong. Grievances filed before query codes open with the worker's whole mobile number until a transition date
 * (never the last four digits, which staff were once shown); the first such success issues a query code and closes
 * that path (ADR 0021).
 */
public class WorkerSelfService {

    /** How the audit trail names the worker acting through the self-service (never by name or number). */
    public static final String ACTOR = "worker:self-service";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /**
     * What the worker gives: the tracking number and the query code or, for a grievance filed before query codes,
     * their whole mobile number.
     */
    public record Credentials(String trackingNumber, String secret) {
    }

    /**
     * @param newQueryCode the code just issued to a worker who opened a grievance from before query codes with their
     *                     mobile number; shown to them once
     */
    public record Identified(Grievance grievance, String newQueryCode) {
    }

    private final Grievances grievances;
    private final QueryCodes queryCodes;
    private final SelfServiceAttempts attempts;
    private final SelfServiceRules rules;
    private final Clock clock;

    public WorkerSelfService(Grievances grievances, QueryCodes queryCodes, SelfServiceAttempts attempts,
                             SelfServiceRules rules, Clock clock) {
        this.grievances = grievances;
        this.queryCodes = queryCodes;
        this.attempts = attempts;
        this.rules = rules;
        this.clock = clock;
    }

    public Identified status(Credentials credentials, String client) {
        return identify(credentials, client);
    }

    public Identified supplement(Credentials credentials, String text, String client) {
        Identified identified = identify(credentials, client);
        identified.grievance().supplement(text, "WORKER", now());
        saveAsWorker(grievances, identified.grievance());
        return identified;
    }

    public Identified withdraw(Credentials credentials, String reason, String client) {
        Identified identified = identify(credentials, client);
        identified.grievance().withdraw(reason, "WORKER", now());
        saveAsWorker(grievances, identified.grievance());
        return identified;
    }

    /**
     * The grievance the credentials open. The attempt is counted before anything is looked at.
     *
     * @throws TooManyRequestsException while the tracking number or the client is locked, whatever the credentials
     * @throws DomainException          (NOT_FOUND) for anything that does not open a grievance
     */
    public Identified identify(Credentials credentials, String client) {
        Instant now = now();
        List<SelfServiceAttempts.Key> keys = keys(credentials.trackingNumber(), client);
        Optional<Duration> locked = attempts.begin(keys, now);
        if (locked.isPresent()) {
            // The lock's full length, never the time left: the answer must not change from one request to the next.
            throw new TooManyRequestsException(locked.get());
        }
        Grievance grievance = TrackingNumber.isWellFormed(credentials.trackingNumber())
            ? grievances.find(credentials.trackingNumber()).orElse(null) : null;
        String issued = null;
        boolean opened = false;
        if (grievance != null && grievance.queryCodeHash() != null) {
            opened = queryCodes.matches(grievance, credentials.secret());
        } else if (grievance != null && legacyMobileAccepted(now) && credentials.secret() != null
            && grievance.worker().hasMobile(QueryCodes.normalise(credentials.secret()))) {
            issued = queryCodes.newCode();
            grievance.issueQueryCode(queryCodes.hash(grievance.id(), issued));
            opened = true;
        }
        if (!opened) {
            attempts.failed(keys, now);
            throw DomainException.notFound("self-service.no-match", "没有找到与该编号和查询码相符的诉求，请核对后再试",
                "No grievance matches this tracking number and query code; check them and try again");
        }
        attempts.succeeded(keys, now);
        if (issued != null) {
            saveAsWorker(grievances, grievance);
        }
        return new Identified(grievance, issued);
    }

    /** Stores a change the worker made, so the audit trail names the worker's self-service as its author. */
    public static void saveAsWorker(Grievances grievances, Grievance grievance) {
        ActingAs.call(ACTOR, () -> {
            grievances.update(grievance);
            return grievance;
        });
    }

    private List<SelfServiceAttempts.Key> keys(String trackingNumber, String client) {
        List<SelfServiceAttempts.Key> keys = new ArrayList<>();
        keys.add(new SelfServiceAttempts.Key("client:" + client, rules.failuresPerClient()));
        if (TrackingNumber.isWellFormed(trackingNumber)) {
            keys.add(new SelfServiceAttempts.Key("grievance:" + trackingNumber, rules.failuresPerTrackingNumber()));
        }
        return keys;
    }

    private boolean legacyMobileAccepted(Instant now) {
        LocalDate until = rules.legacyMobileUntil();
        return until != null && !LocalDate.ofInstant(now, BEIJING).isAfter(until);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
