package cn.huiyin.intake.persistence;

import java.time.Instant;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A grievance as stored in intake's database, with its outbox. The id is the tracking number. */
@Document("grievances")
class GrievanceDocument extends AggregateDocument {

    private Submission submission;
    private String workerRef;
    private Instant submittedAt;
    private GrievanceStatus status;

    GrievanceDocument() {
    }

    static GrievanceDocument from(Grievance grievance) {
        GrievanceDocument document = new GrievanceDocument();
        document.setId(grievance.id());
        document.submission = grievance.submission();
        document.workerRef = grievance.workerRef();
        document.submittedAt = grievance.submittedAt();
        document.status = grievance.status();
        return document;
    }

    Grievance toDomain() {
        return Grievance.restore(new TrackingNumber(getId()), submission, workerRef, submittedAt, status);
    }
}
