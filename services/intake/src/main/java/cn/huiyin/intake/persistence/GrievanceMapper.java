package cn.huiyin.intake.persistence;

import java.util.List;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.platform.service.security.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * Maps grievances to documents and back, encrypting the worker's name, mobile and ID number on the way in. Each
 * ciphertext is bound to its grievance and field, so it cannot be moved to another document and still decrypt.
 */
@Component
class GrievanceMapper {

    private final FieldCipher cipher;

    GrievanceMapper(FieldCipher cipher) {
        this.cipher = cipher;
    }

    GrievanceDocument toDocument(Grievance grievance, long version) {
        Grievance.State s = grievance.state();
        Submission submission = s.submission();
        GrievanceDocument d = new GrievanceDocument();
        d.setId(grievance.id());
        d.setVersion(version);
        d.channel = submission.channel();
        d.recordedBy = submission.recordedBy();
        d.worker = encrypt(grievance.id(), submission.worker());
        d.confidential = submission.confidential();
        d.category = submission.category();
        d.description = submission.description();
        d.place = submission.place();
        d.occurredAt = submission.occurredAt();
        d.externalReferences = submission.externalReferences();
        d.preferredContactTime = submission.preferredContactTime();
        d.workerRef = s.workerRef();
        d.submittedAt = s.submittedAt();
        d.status = s.status();
        d.supplements = s.supplements();
        d.evidence = s.evidence();
        d.history = s.history();
        d.handling = s.handling();
        d.closedAt = s.closedAt();
        d.personalDataErasedAt = s.personalDataErasedAt();
        d.queryCodeHash = s.queryCodeHash();
        return d;
    }

    Grievance toDomain(GrievanceDocument d) {
        Submission submission = new Submission(d.channel, d.recordedBy, decrypt(d.getId(), d.worker), d.confidential,
            d.category, d.description, d.place, d.occurredAt, d.externalReferences, d.preferredContactTime);
        return Grievance.restore(new Grievance.State(new TrackingNumber(d.getId()), submission, d.workerRef,
            d.submittedAt, d.status, d.supplements, d.evidence, d.history, d.handling, d.closedAt,
            d.personalDataErasedAt, d.queryCodeHash));
    }

    private GrievanceDocument.WorkerDocument encrypt(String id, Worker worker) {
        GrievanceDocument.WorkerDocument w = new GrievanceDocument.WorkerDocument();
        w.name = cipher.encrypt(worker.name(), context(id, "name"));
        w.mobile = cipher.encrypt(worker.mobile(), context(id, "mobile"));
        w.residentId = cipher.encrypt(worker.residentId(), context(id, "residentId"));
        w.group = worker.group();
        w.platformOrEmployer = worker.platformOrEmployer();
        w.homeStation = worker.homeStation();
        return w;
    }

    private Worker decrypt(String id, GrievanceDocument.WorkerDocument w) {
        return new Worker(cipher.decrypt(w.name, context(id, "name")), cipher.decrypt(w.mobile, context(id, "mobile")),
            cipher.decrypt(w.residentId, context(id, "residentId")), w.group, w.platformOrEmployer, w.homeStation);
    }

    /** The fields a key rotation looks at: the stored names of the encrypted values. */
    static final List<String> ENCRYPTED_FIELDS = List.of("worker.name", "worker.mobile",
        "worker.residentId");

    private static String context(String grievanceId, String field) {
        return "intake.grievances.worker." + field + ":" + grievanceId;
    }
}
