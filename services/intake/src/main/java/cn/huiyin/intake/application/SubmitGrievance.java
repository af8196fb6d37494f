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

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/**
 * Files a grievance (问题收集): checks what a format check cannot (category and division codes, a time of occurrence
 * not in the future), gives it a tracking number and stores it with its {@code GrievanceSubmitted} event. With an
 * idempotency key, a retried submission returns the first answer and creates nothing new.
 */
public class SubmitGrievance {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Grievances grievances;
    private final TrackingNumbers trackingNumbers;
    private final IdempotencyKeys idempotencyKeys;
    private final WorkerPseudonyms pseudonyms;
    private final ReferenceData referenceData;
    private final Clock clock;

    public SubmitGrievance(Grievances grievances, TrackingNumbers trackingNumbers, IdempotencyKeys idempotencyKeys,
                           WorkerPseudonyms pseudonyms, ReferenceData referenceData, Clock clock) {
        this.grievances = grievances;
        this.trackingNumbers = trackingNumbers;
        this.idempotencyKeys = idempotencyKeys;
        this.pseudonyms = pseudonyms;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        check(submission, now);
        if (idempotencyKey == null) {
            TrackingNumber number = trackingNumbers.next(LocalDate.ofInstant(now, BEIJING));
            grievances.addIfAbsent(newGrievance(number, submission, now));
            return new Result(receipt(number, now), false);
        }
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(idempotencyKey, fingerprint(submission),
            () -> trackingNumbers.next(LocalDate.ofInstant(now, BEIJING)));
        if (claim.completedReceipt() != null) {
            return new Result(claim.completedReceipt(), true);
        }
        // First request, or a takeover after a request that died mid-way: the number is fixed, so at most one
        // grievance can exist under it.
        boolean created = grievances.addIfAbsent(newGrievance(claim.trackingNumber(), submission, now));
        SubmissionReceipt receipt = created ? receipt(claim.trackingNumber(), now)
            : grievances.find(claim.trackingNumber().value())
                .map(existing -> receipt(existing.trackingNumber(), existing.submittedAt()))
                .orElseThrow();
        idempotencyKeys.complete(idempotencyKey, receipt);
        return new Result(receipt, !claim.firstRequest() || !created);
    }

    private Grievance newGrievance(TrackingNumber number, Submission submission, Instant now) {
        return Grievance.submit(number, submission, pseudonyms.of(submission.worker().mobile()), now);
    }

    private static SubmissionReceipt receipt(TrackingNumber number, Instant submittedAt) {
        return new SubmissionReceipt(number.value(), submittedAt, receiptText(number));
    }

    /** One SMS (at most 70 Chinese characters). */
    static String receiptText(TrackingNumber number) {
        return "【回音】您的诉求已受理，编号" + number.value() + "。凭编号和手机尾号4位可查询进度。";
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

    private void check(Submission submission, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
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
