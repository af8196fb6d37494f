package cn.huiyin.intake.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/**
 * Files a grievance (问题收集): checks what a format check cannot (category and division codes, a time of occurrence
 * not in the future), gives it a tracking number and stores it with its {@code GrievanceSubmitted} event.
 */
public class SubmitGrievance {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Grievances grievances;
    private final TrackingNumbers trackingNumbers;
    private final WorkerPseudonyms pseudonyms;
    private final ReferenceData referenceData;
    private final Clock clock;

    public SubmitGrievance(Grievances grievances, TrackingNumbers trackingNumbers, WorkerPseudonyms pseudonyms,
                           ReferenceData referenceData, Clock clock) {
        this.grievances = grievances;
        this.trackingNumbers = trackingNumbers;
        this.pseudonyms = pseudonyms;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    public SubmissionReceipt submit(Submission submission) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        check(submission, now);
        TrackingNumber number = trackingNumbers.next(LocalDate.ofInstant(now, BEIJING));
        Grievance grievance = Grievance.submit(number, submission, pseudonyms.of(submission.worker().mobile()), now);
        grievances.add(grievance);
        return new SubmissionReceipt(number.value(), now, receiptText(number));
    }

    /** One SMS (at most 70 Chinese characters). */
    static String receiptText(TrackingNumber number) {
        return "【回音】您的诉求已受理，编号" + number.value() + "。凭编号和手机尾号4位可查询进度。";
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
