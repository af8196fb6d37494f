package cn.huiyin.followup.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CallbackAttempt;
import cn.huiyin.followup.domain.casefile.CallbackOutcome;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.RetaliationKind;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The evaluation (成效评估): the callback centre's calls after resolution and 30 days after closure, and the worker's
 * own rating through the self-service.
 */
public class Callbacks {

    private final CaseChanges changes;
    private final WorkerVerification workers;
    private final Clock clock;

    public Callbacks(CaseChanges changes, WorkerVerification workers, Clock clock) {
        this.changes = changes;
        this.workers = workers;
        this.clock = clock;
    }

    /** 回访: one attempt to reach the worker, with the two answers when reached. */
    public CaseFile record(Caller caller, String grievanceId, CallbackOutcome outcome, CallbackAttempt.Answers answers) {
        Instant now = HandleCases.now(clock);
        return changes.change(grievanceId, c -> {
            CaseReach.requireCallbackJurisdiction(caller, c);
            c.recordCallback(caller, outcome, answers, now, changes.hierarchyOf(c), changes.time());
        });
    }

    /**
     * The worker rates the outcome with the tracking number and its secret (the self-service link on the receipt).
     * A wrong secret looks exactly like an unknown number.
     *
     * @param client the worker's address, for the keeper of the secret to limit guessing
     */
    public CaseFile rateAsWorker(String trackingNumber, String secret, String client, CallbackAttempt.Answers answers) {
        if (!workers.isWorker(trackingNumber, secret, client)) {
            throw DomainException.notFound("self-service.no-match", "没有找到与该编号和手机尾号相符的诉求，请核对后再试",
                "No grievance matches this tracking number and these mobile digits; check them and try again");
        }
        Instant now = HandleCases.now(clock);
        return changes.change(trackingNumber, c -> c.rateAsWorker(answers, now, changes.hierarchyOf(c),
            changes.time()));
    }

    /** 打击报复回访: did the worker meet retaliation after the grievance? */
    public CaseFile checkRetaliation(Caller caller, String grievanceId, CallbackOutcome outcome, Boolean retaliation,
                                     List<RetaliationKind> kinds, String account) {
        Instant now = HandleCases.now(clock);
        return changes.change(grievanceId, c -> {
            CaseReach.requireCallbackJurisdiction(caller, c);
            c.checkRetaliation(caller, outcome, retaliation, kinds, account, now);
        });
    }
}
