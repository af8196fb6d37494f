package cn.huiyin.intake.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.LedgerEntry;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/**
 * Files a grievance (问题收集): checks what a format check cannot (category and division codes, a time of occurrence
 * not in the future), gives it a tracking number and the worker a query code for the self-service, and stores it with
 * its {@code GrievanceSubmitted} event. With an idempotency key, a retried submission returns the first answer and
 * creates nothing new.
 */
public class SubmitGrievance {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Grievances grievances;
    private final TrackingNumbers trackingNumbers;
    private final IdempotencyKeys idempotencyKeys;
    private final WorkerPseudonyms pseudonyms;
    private final QueryCodes queryCodes;
    private final ReferenceData referenceData;
    private final Clock clock;

    public SubmitGrievance(Grievances grievances, TrackingNumbers trackingNumbers, IdempotencyKeys idempotencyKeys,
                           WorkerPseudonyms pseudonyms, QueryCodes queryCodes, ReferenceData referenceData, Clock clock) {
        this.grievances = grievances;
        this.trackingNumbers = trackingNumbers;
        this.idempotencyKeys = idempotencyKeys;
        this.pseudonyms = pseudonyms;
        this.queryCodes = queryCodes;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** What the filer gets back, and whether it is the answer to an earlier, identical request. */
    public record Result(SubmissionReceipt receipt, boolean replayed) {
    }

    /**
     * @param idempotencyKey the client's key scoped to the caller (null: no idempotency asked for)
     */
    public Result submit(Submission submission, String idempotencyKey) {
        return submit(submission, idempotencyKey, null);
    }

    /**
     * Files what the callback centre heard of retaliation after grievance {@code aboutId}, for the same worker, once
     * per {@code idempotencyKey}.
     */
    public Result fileFromCallback(Submission submission, String idempotencyKey, String aboutId) {
        return submit(submission, Objects.requireNonNull(idempotencyKey, "idempotencyKey"),
            fingerprint(submission), Objects.requireNonNull(aboutId, "aboutId"), Channel.RETALIATION_CALLBACK);
    }

    /**
     * Files a row of a city's earlier ledger (channel {@code LEDGER_IMPORT}), once per row: the row's key
     * ({@link LedgerEntry#key()}) returns the grievance of an earlier import of it, whoever imported it; the same key with
     * other content is refused (409).
     */
    public Result fileFromLedger(Submission submission) {
        LedgerEntry entry = Objects.requireNonNull(submission.externalReferences().ledger(), "ledger");
        return submit(submission, entry.key(), fingerprint(submission.withRecorder(null)), null, Channel.LEDGER_IMPORT);
    }

    private Result submit(Submission submission, String idempotencyKey, String aboutId) {
        return submit(submission, idempotencyKey, idempotencyKey == null ? null : fingerprint(submission), aboutId, null);
    }

    /** @param internal the internal channel this path files by, or null (the filing API: people's channels only) */
    private Result submit(Submission submission, String idempotencyKey, String fingerprint, String aboutId,
                          Channel internal) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        check(submission, now, internal);
        if (idempotencyKey == null) {
            TrackingNumber number = trackingNumbers.next(LocalDate.ofInstant(now, BEIJING));
            String code = queryCodes.newCode();
            grievances.addIfAbsent(newGrievance(number, code, submission, now, aboutId));
            return new Result(new SubmissionReceipt(number.value(), now, code), false);
        }
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(idempotencyKey, fingerprint,
            () -> trackingNumbers.next(LocalDate.ofInstant(now, BEIJING)), queryCodes::newCode);
        if (claim.completedReceipt() != null) {
            return new Result(claim.completedReceipt(), true);
        }
        // First request, or a takeover after a request that died mid-way: number and code are fixed by the claim, so
        // at most one grievance can exist under the number, and every answer carries the code it was created with.
        boolean created = claim.queryCode() != null
            && grievances.addIfAbsent(newGrievance(claim.trackingNumber(), claim.queryCode(), submission, now, aboutId));
        SubmissionReceipt receipt = created ? new SubmissionReceipt(claim.trackingNumber().value(), now, claim.queryCode())
            : grievances.find(claim.trackingNumber().value())
                .map(existing -> new SubmissionReceipt(existing.id(), existing.submittedAt(), claim.queryCode()))
                .orElseThrow(() -> new IllegalStateException("Idempotency key " + idempotencyKey
                    + " was claimed long ago but its grievance was never stored"));
        idempotencyKeys.complete(idempotencyKey, receipt);
        return new Result(receipt, !claim.firstRequest() || !created);
    }

    private Grievance newGrievance(TrackingNumber number, String queryCode, Submission submission, Instant now,
                                   String aboutId) {
        Grievance grievance = Grievance.submit(number, submission, pseudonyms.of(submission.worker().mobile()), now);
        if (aboutId != null) {
            grievance.filedFromCallback(aboutId, now);
        }
        grievance.issueQueryCode(queryCodes.hash(number.value(), queryCode));
        return grievance;
    }

    /** Identifies the request's content, so a key reused for another request is caught. */
    static String fingerprint(Submission submission) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(submission.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(Submission submission, Instant now, Channel internal) {
        List<FieldProblem> problems = new ArrayList<>();
        if (submission.channel() == Channel.RETALIATION_CALLBACK && internal != Channel.RETALIATION_CALLBACK) {
            problems.add(new FieldProblem("channel", "channel.internal",
                "该渠道仅用于回访中发现的问题，由系统自动登记", "this channel is for what a callback finds; the system files it"));
        } else if (submission.channel() == Channel.LEDGER_IMPORT && internal != Channel.LEDGER_IMPORT) {
            problems.add(new FieldProblem("channel", "channel.internal",
                "该渠道仅用于导入原有台账（POST /api/ledger-imports）", "this channel is for importing a city's ledger "
                    + "(POST /api/ledger-imports)"));
        } else if (internal != null && submission.channel() != internal) {
            throw new IllegalArgumentException("Filed by the " + internal + " path with channel " + submission.channel());
        }
        if (submission.category() != null && referenceData.category(submission.category()).isEmpty()) {
            problems.add(new FieldProblem("category", "category.unknown",
                "没有这个诉求分类，可不填由分拨人员判定", "unknown category; leave it empty for triage to decide"));
        }
        if (referenceData.division(submission.place().divisionCode()).isEmpty()) {
            problems.add(new FieldProblem("location.divisionCode", "division.unknown",
                "不是本市的行政区划代码", "not an administrative division code of this city"));
        }
        if (submission.occurredAt() != null && submission.occurredAt().isAfter(now)) {
            problems.add(new FieldProblem("occurredAt", "occurredAt.future",
                "发生时间不能晚于现在", "must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}
