package cn.huiyin.intake.persistence;

import java.time.Instant;
import java.util.List;

import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Progress;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Supplement;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A grievance as stored in intake's database, with its outbox. The id is the tracking number. The worker's name,
 * mobile and ID number are stored encrypted ({@link GrievanceMapper}), the query code only as a keyed hash; the
 * worker's own words, files and the exact place are erased with them after the retention period.
 */
@Document("grievances")
class GrievanceDocument extends AggregateDocument {

    Channel channel;
    Recorder recordedBy;
    WorkerDocument worker;
    boolean confidential;
    String category;
    String description;
    Place place;
    Instant occurredAt;
    ExternalReferences externalReferences;
    String preferredContactTime;
    String workerRef;
    Instant submittedAt;
    GrievanceStatus status;
    List<Supplement> supplements;
    List<Evidence> evidence;
    List<Progress> history;
    Handling handling;
    Instant closedAt;
    Instant personalDataErasedAt;
    /** Keyed hash of the worker's query code (never the code). */
    String queryCodeHash;

    /** The worker; {@code name}, {@code mobile} and {@code residentId} hold ciphertext. */
    static class WorkerDocument {
        String name;
        String mobile;
        String residentId;
        WorkerGroup group;
        String platformOrEmployer;
        String homeStation;
    }
}
