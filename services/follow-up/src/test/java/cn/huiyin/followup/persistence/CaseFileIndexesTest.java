package cn.huiyin.followup.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.platform.test.QueryPlans;
import cn.huiyin.platform.test.ServiceTest;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Follow-up's lists and its due-step scan are answered through their indexes, on the embedded server and on real
 * MongoDB (where Docker runs): the plan scans the declared index and reads only the documents it returns (or the
 * few its other conditions then drop), however many other organisations' cases there are. The queries are
 * production's own builders.
 */
@ServiceTest
class CaseFileIndexesTest {

    private static final String HANDLER = "org-index-test-handler";
    private static final String OTHERS = "org-index-test-other-";
    private static final Instant BASE = Instant.parse("2100-01-04T02:00:00Z");
    private static final String PREFIX = "999";

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void storeCaseFilesOfManyOrganisations() {
        List<Document> cases = new ArrayList<>();
        List<Document> items = new ArrayList<>();
        List<Document> due = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String handler = i < 10 ? HANDLER : OTHERS + i;
            Instant dueAt = BASE.plus(i, ChronoUnit.HOURS);
            cases.add(new Document("_id", "IDX-" + i).append("handlerIds", List.of(handler, "org-index-test-co"))
                .append("divisionCode", PREFIX + String.format("%06d", i % 7))
                .append("status", i % 3 == 0 ? CaseStatus.RESOLVED.name() : CaseStatus.IN_PROGRESS.name())
                .append("activeDueAt", Date.from(dueAt))
                .append("escalated", i % 10 == 1).append("lastEscalatedAt", i % 10 == 1 ? Date.from(dueAt) : null)
                .append("callbackDueAt", i % 3 == 0 ? Date.from(dueAt) : null)
                .append("retaliationDueAt", i % 15 == 0 ? Date.from(dueAt) : null));
            items.add(new Document("_id", "IDX-AI-" + i).append("organisationIds", List.of(handler))
                .append("grievanceIds", List.of("IDX-" + i)).append("status", "OPEN").append("open", i % 2 == 0)
                .append("dueAt", Date.from(dueAt)));
            due.add(new Document("_id", "IDX-" + i).append("due", Date.from(dueAt)).append("touches", 1L));
        }
        for (int i = 0; i < 200; i++) {
            // A year of the handler's closed cases: no active deadline any more.
            cases.add(new Document("_id", "IDX-CLOSED-" + i).append("handlerIds", List.of(HANDLER))
                .append("divisionCode", PREFIX + "000001").append("status", CaseStatus.CLOSED.name())
                .append("activeDueAt", null));
        }
        mongo.getCollection("cases").insertMany(cases);
        mongo.getCollection("action_items").insertMany(items);
        mongo.getCollection("cases_due").insertMany(due);
    }

    @AfterEach
    void removeThem() {
        for (String collection : List.of("cases", "action_items", "cases_due")) {
            mongo.getCollection(collection).deleteMany(Filters.regex("_id", "^IDX-"));
        }
    }

    @Test
    void aHandlersListReadsOnlyThatHandlersCases() {
        QueryPlans.Plan plan = QueryPlans.explain(mongo, CaseFileDocument.class, MongoCaseFiles.handledByQuery(
            HANDLER, PREFIX, EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED)).limit(20));

        QueryPlans.assertUsesIndex(plan, "handler_status_due", 10);
        assertThat(plan.returned()).isEqualTo(10);
    }

    @Test
    void aHandlersFirstPageOfOpenCasesReadsNoneOfItsClosedOnes() {
        QueryPlans.Plan plan = QueryPlans.explain(mongo, CaseFileDocument.class, MongoCaseFiles.handledByQuery(
            HANDLER, PREFIX, EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.SIGNED_FOR, CaseStatus.IN_PROGRESS,
                CaseStatus.WAITING_FOR_WORKER)).limit(5));

        QueryPlans.assertUsesIndex(plan, "handler_status_due", 5);
        assertThat(plan.returned()).isEqualTo(5);
    }

    @Test
    void theEscalatedListCallbacksAndRetaliationChecksUseTheirIndexes() {
        QueryPlans.Plan escalated = QueryPlans.explain(mongo, CaseFileDocument.class,
            MongoCaseFiles.escalatedQuery(PREFIX, null).limit(20));
        QueryPlans.Plan callbacks = QueryPlans.explain(mongo, CaseFileDocument.class,
            MongoCaseFiles.callbacksDueQuery(PREFIX, BASE.plus(30, ChronoUnit.HOURS)).limit(20));
        QueryPlans.Plan retaliation = QueryPlans.explain(mongo, CaseFileDocument.class,
            MongoCaseFiles.retaliationChecksDueQuery(PREFIX, BASE.plus(30, ChronoUnit.HOURS)).limit(20));

        QueryPlans.assertUsesIndex(escalated, "escalations", 6);
        assertThat(escalated.returned()).isEqualTo(6);
        QueryPlans.assertUsesIndex(callbacks, "callbacks_due", 11);
        assertThat(callbacks.returned()).isEqualTo(11);
        QueryPlans.assertUsesIndex(retaliation, "retaliation_due", 3);
        assertThat(retaliation.returned()).isEqualTo(3);
    }

    @Test
    void anOrganisationsActionItemsComeFromItsIndexInOrder() {
        QueryPlans.Plan plan = QueryPlans.explain(mongo, ActionItemDocument.class,
            MongoActionItems.ofOrganisationQuery(HANDLER).limit(5));

        QueryPlans.assertUsesIndex(plan, "organisation_due", 5);
        assertThat(plan.stages()).as("the index yields the order").doesNotContain("SORT");
    }

    @Test
    void theDueStepScanReadsOnlyTheEntriesDue() {
        DueIndex index = new DueIndex(mongo, "cases_due");

        QueryPlans.Plan plan = QueryPlans.explain(index.entries(), DueIndex.dueFilter(BASE.plus(90, ChronoUnit.MINUTES)),
            null, 0, 500);

        QueryPlans.assertUsesIndex(plan, "due", plan.returned());
        assertThat(plan.returned()).as("due entries of this test and any earlier ones").isGreaterThanOrEqualTo(2);
    }
}
