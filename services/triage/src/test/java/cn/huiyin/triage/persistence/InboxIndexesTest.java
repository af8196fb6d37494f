package cn.huiyin.triage.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import cn.huiyin.platform.test.QueryPlans;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.triage.application.CaseSearch;
import cn.huiyin.triage.application.InboxView;
import cn.huiyin.triage.domain.TriageState;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An organisation's inbox page and the staff's case searches are answered through triage's indexes, on the embedded
 * server and on real MongoDB (where Docker runs): a page reads its own entries, not the organisation's others nor
 * other organisations'. The filters are production's own ({@code MongoInboxes.pageFilter},
 * {@code MongoTriageCases.query}).
 */
@ServiceTest
class InboxIndexesTest {

    private static final String ORGANISATION = "org-index-test-inbox";
    private static final Instant BASE = Instant.parse("2100-01-04T02:00:00Z");

    @Autowired
    MongoInboxes inboxes;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void storeEntriesOfManyOrganisations() {
        List<Document> entries = new ArrayList<>();
        List<Document> cases = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String organisation = i < 30 ? ORGANISATION : "org-index-test-other-" + (i % 6);
            String grievance = "IDX-" + String.format("%03d", i);
            Instant due = BASE.plus(90 - i, ChronoUnit.HOURS);
            entries.add(new Document("_id", MongoInboxes.id(organisation, grievance)).append("organisationId", organisation)
                .append("grievanceId", grievance).append("status", i % 3 == 0 ? "PENDING" : "ACCEPTED")
                .append("responseDueAt", Date.from(due)).append("dueAt", Date.from(due)));
            cases.add(new Document("_id", grievance).append("leadOrganisationId", organisation)
                .append("state", TriageState.ASSIGNED.name())
                .append("grievance", new Document("divisionCode", (i < 30 ? "999001" : "999002") + "001")
                    .append("submittedAt", Date.from(BASE.minus(i, ChronoUnit.HOURS)))));
        }
        inboxes.collection().insertMany(entries);
        mongo.getCollection("cases").insertMany(cases);
    }

    @AfterEach
    void removeThem() {
        inboxes.collection().deleteMany(Filters.regex("grievanceId", "^IDX-"));
        mongo.getCollection("cases").deleteMany(Filters.regex("_id", "^IDX-"));
    }

    @Test
    void anInboxPageReadsOnlyThePageItShows() {
        QueryPlans.Plan pending = QueryPlans.explain(inboxes.collection(),
            MongoInboxes.pageFilter(ORGANISATION, InboxView.PENDING, BASE), MongoInboxes.PAGE_ORDER, 0, 5);
        QueryPlans.Plan all = QueryPlans.explain(inboxes.collection(),
            MongoInboxes.pageFilter(ORGANISATION, InboxView.ALL, BASE), MongoInboxes.PAGE_ORDER, 0, 5);

        QueryPlans.assertUsesIndex(pending, "org_status_due_id", 5);
        assertThat(pending.returned()).isEqualTo(5);
        assertThat(pending.stages()).doesNotContain("SORT");
        QueryPlans.assertUsesIndex(all, "org_due_id", 5);
        assertThat(all.returned()).isEqualTo(5);
    }

    @Test
    void theCountsOfAnInboxReadOnlyThatOrganisationsEntries() {
        QueryPlans.Plan overdue = QueryPlans.explain(inboxes.collection(),
            MongoInboxes.pageFilter(ORGANISATION, InboxView.OVERDUE, BASE.plus(50, ChronoUnit.HOURS)), null, 0, 0);

        QueryPlans.assertUsesIndex(overdue, "org_status_due_id", 10);
    }

    @Test
    void aCaseSearchByOrganisationOrByDivisionUsesAnIndex() {
        CaseSearch byOrganisation = new CaseSearch(null, Set.of(ORGANISATION), TriageState.ASSIGNED, null, null, null);
        CaseSearch byDivision = new CaseSearch("999001", Set.of(), null, null, null, null);

        QueryPlans.Plan organisation = QueryPlans.explain(mongo, TriageCaseDocument.class,
            MongoTriageCases.query(byOrganisation, BASE).with(MongoTriageCases.NEWEST_FIRST).limit(20));
        QueryPlans.Plan division = QueryPlans.explain(mongo, TriageCaseDocument.class,
            MongoTriageCases.query(byDivision, BASE).with(MongoTriageCases.NEWEST_FIRST).limit(20));

        QueryPlans.assertUsesIndex(organisation, "leadOrganisationId_1_grievance.submittedAt_-1", 20);
        assertThat(organisation.returned()).isEqualTo(20);
        QueryPlans.assertUsesIndex(division, "grievance.divisionCode_1_grievance.submittedAt_-1", 30);
        assertThat(division.returned()).isEqualTo(20);
    }
}
