package cn.huiyin.intake.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.FollowUpStage;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps intake's grievance in step with follow-up, so the worker's self-service tells each stage after sign-for
 * (contacted, in progress, waiting for material, handled with the remedy, callback, closed), and files the retaliation a
 * worker reports at the callback centre as a new grievance of theirs, linked to the earlier one.
 */
public class FollowFollowUp {

    /** Who is named as the recorder of a grievance filed from a callback. */
    static final Recorder CALLBACK_CENTRE = new Recorder("follow-up", null, "回访中心 callback centre");

    private static final Logger log = LoggerFactory.getLogger(FollowFollowUp.class);

    private final Grievances grievances;
    private final SubmitGrievance submit;

    public FollowFollowUp(Grievances grievances, SubmitGrievance submit) {
        this.grievances = grievances;
        this.submit = submit;
    }

    public void stageReached(String grievanceId, FollowUpStage stage, Instant at, Map<String, String> told) {
        if (!grievances.apply(grievanceId, g -> g.followedUp(stage, at, told)) && grievances.find(grievanceId).isEmpty()) {
            log.warn("Follow-up spoke of grievance {}, which intake does not hold; ignored", grievanceId);
        }
    }

    /** What the worker told the callback centre of retaliation (打击报复) after a closed grievance. */
    public record RetaliationReport(String eventId, String aboutId, Instant checkedAt, String account, String category,
                                    boolean confidential) {
    }

    /**
     * Files the report for the worker of the earlier grievance, once per report (its event id keys the filing), and
     * links the two. Triage routes it like any other; its words make it urgent.
     *
     * @return the new grievance's tracking number, empty when the earlier grievance or its worker is no longer held
     */
    public Optional<String> retaliationReported(RetaliationReport report) {
        Optional<Grievance> about = grievances.find(report.aboutId());
        if (about.isEmpty() || about.get().submission().worker().mobile() == null) {
            log.error("Retaliation reported after {}, whose worker intake no longer holds; the callback centre must file "
                + "it by hand (event {})", report.aboutId(), report.eventId());
            return Optional.empty();
        }
        Submission earlier = about.get().submission();
        Submission submission = new Submission(Channel.RETALIATION_CALLBACK, CALLBACK_CENTRE, earlier.worker(),
            report.confidential() || earlier.confidential(), report.category(),
            "【回访发现打击报复，紧急】" + report.account() + "（关联诉求 " + report.aboutId() + "）",
            new Place(earlier.place().divisionCode(), earlier.place().address(), null), null, null,
            earlier.preferredContactTime());
        String reportId = submit.fileFromCallback(submission, "follow-up-event:" + report.eventId(), report.aboutId())
            .receipt().trackingNumber();
        grievances.apply(report.aboutId(), g -> g.retaliationReported(reportId, report.checkedAt()));
        return Optional.of(reportId);
    }
}
