package cn.huiyin.dashboard.persistence;

import java.util.Map;

import cn.huiyin.dashboard.application.projection.Pending;
import cn.huiyin.dashboard.application.projection.StoredFact;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A grievance's fact in one projection generation ({@code _id} = {@code <generation>|<grievance id>}), with the events
 * it applied (managed by the platform's aggregate store) and its pending cell work. The flat fields the drill-down
 * filters on (place, submission and closure day) are derived from the fact in the same write.
 */
@Document("facts")
class FactDocument extends AggregateDocument {

    String generation;
    String grievanceId;
    CaseFact fact;
    Map<String, Pending> pending;
    String division;
    String submittedDay;
    String closedDay;

    static String id(String generation, String grievanceId) {
        return generation + "|" + grievanceId;
    }

    static FactDocument from(StoredFact stored, long version) {
        FactDocument document = new FactDocument();
        document.setId(id(stored.generation(), stored.grievanceId()));
        document.setVersion(version);
        document.generation = stored.generation();
        document.grievanceId = stored.grievanceId();
        document.fact = stored.fact();
        document.pending = stored.pending();
        document.derive();
        return document;
    }

    /** Sets the flat fields the queries filter on from the fact. */
    void derive() {
        division = fact.division();
        submittedDay = fact.submittedAt() == null ? null : Contribution.day(fact.submittedAt()).toString();
        closedDay = fact.closedAt() == null ? null : Contribution.day(fact.closedAt()).toString();
    }

    StoredFact toDomain() {
        return new StoredFact(generation, fact, pending);
    }
}
