package cn.huiyin.triage.persistence;

import java.time.Instant;
import java.util.List;

import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import cn.huiyin.triage.domain.Assignment;
import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.ClusterMembership;
import cn.huiyin.triage.domain.Deadlines;
import cn.huiyin.triage.domain.Duplicates;
import cn.huiyin.triage.domain.HistoryEntry;
import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.RulingReferral;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.TriageState;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A triage case as stored, keyed by grievance id, with its outbox. Besides the case itself it keeps a few flat fields
 * that searches filter on ({@code leadOrganisationId}, {@code needsConfirmation}, ...), so no query has to reach
 * into the assignment list.
 */
@Document("cases")
class TriageCaseDocument extends AggregateDocument {

    private ReceivedGrievance grievance;
    private TriageState state;
    private Instant triagedAt;
    private Classification classification;
    private int revision;
    private Deadlines deadlines;
    private List<Assignment> assignments;
    private RulingReferral ruling;
    private Duplicates duplicates;
    private List<ClusterMembership> clusters;
    private String mergedInto;
    private Instant closedAt;
    private List<HistoryEntry> history;

    private String leadOrganisationId;
    private boolean needsConfirmation;
    private boolean duplicateOpen;
    private boolean jointReview;

    TriageCaseDocument() {
    }

    static TriageCaseDocument from(TriageCase triageCase, long version, double confirmBelow) {
        TriageCase.Snapshot s = triageCase.snapshot();
        TriageCaseDocument document = new TriageCaseDocument();
        document.setId(triageCase.id());
        document.setVersion(version);
        document.grievance = s.grievance();
        document.state = s.state();
        document.triagedAt = s.triagedAt();
        document.classification = s.classification();
        document.revision = s.revision();
        document.deadlines = s.deadlines();
        document.assignments = s.assignments();
        document.ruling = s.ruling();
        document.duplicates = s.duplicates();
        document.clusters = s.clusters();
        document.mergedInto = s.mergedInto();
        document.closedAt = s.closedAt();
        document.history = s.history();
        document.leadOrganisationId = triageCase.current().map(a -> a.organisation().id())
            .orElseGet(() -> triageCase.ruling().filter(r -> r.isPending()).map(r -> r.organisation().id()).orElse(null));
        document.needsConfirmation = s.classification().needsConfirmation(confirmBelow);
        document.duplicateOpen = s.duplicates().isOpen();
        document.jointReview = s.classification().needsJointReview() || !s.clusters().isEmpty();
        return document;
    }

    TriageCase toDomain() {
        return TriageCase.restore(new TriageCase.Snapshot(grievance, state, triagedAt, classification, revision, deadlines,
            assignments, ruling, duplicates, clusters, mergedInto, closedAt, history));
    }
}
