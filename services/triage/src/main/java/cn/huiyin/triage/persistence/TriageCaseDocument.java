package cn.huiyin.triage.persistence;

import java.time.Instant;

import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.TriageState;
import org.springframework.data.mongodb.core.mapping.Document;

/** A triage case as stored, keyed by grievance id, with its outbox. */
@Document("cases")
class TriageCaseDocument extends AggregateDocument {

    private ReceivedGrievance grievance;
    private TriageState state;
    private Instant triagedAt;

    TriageCaseDocument() {
    }

    static TriageCaseDocument from(TriageCase triageCase) {
        TriageCaseDocument document = new TriageCaseDocument();
        document.setId(triageCase.grievanceId());
        document.grievance = triageCase.grievance();
        document.state = triageCase.state();
        document.triagedAt = triageCase.triagedAt();
        return document;
    }

    TriageCase toDomain() {
        return TriageCase.restore(grievance, state, triagedAt);
    }
}
