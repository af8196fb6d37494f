package cn.huiyin.intake.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.huiyin.intake.application.access.AccessScope;
import cn.huiyin.platform.kernel.access.Jurisdiction;
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
 * A clerk's grievance list, by handling organisation or by territory, is answered through intake's indexes on the
 * embedded server and on real MongoDB (where Docker runs): a page reads about the grievances it shows, not the
 * organisation's or the district's others. The query is production's ({@code MongoGrievances.scoped}).
 */
@ServiceTest
class GrievanceIndexesTest {

    private static final String ORGANISATION = "org-index-test-clerk";
    private static final Instant BASE = Instant.parse("2100-01-04T02:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void storeGrievancesOfManyOrganisations() {
        List<Document> grievances = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Document handling = new Document("orgId", i < 30 ? ORGANISATION : "org-index-test-other-" + (i % 4));
            if (i >= 30 && i < 45) {
                handling.append("coHandlingOrgIds", List.of(ORGANISATION));
            }
            grievances.add(new Document("_id", "IDX-" + String.format("%03d", i)).append("status", "ASSIGNED")
                .append("submittedAt", Date.from(BASE.minus(i, ChronoUnit.HOURS)))
                .append("workerRef", i % 10 == 0 ? "wk-index-test-returning" : "wk-index-test-" + i)
                .append("place", new Document("divisionCode", (i % 3 == 0 ? "999001" : "999002") + "001"))
                .append("handling", handling));
        }
        mongo.getCollection("grievances").insertMany(grievances);
    }

    @AfterEach
    void removeThem() {
        mongo.getCollection("grievances").deleteMany(Filters.regex("_id", "^IDX-"));
    }

    @Test
    void anOrganisationsListMergesItsTwoIndexesAndReadsAboutOnePage() {
        QueryPlans.Plan plan = QueryPlans.explain(mongo, GrievanceDocument.class,
            MongoGrievances.scoped(AccessScope.handledBy(ORGANISATION), null).with(MongoGrievances.NEWEST_FIRST)
                .limit(20));

        QueryPlans.assertUsesIndex(plan, "handling.orgId_1_submittedAt_-1", 25);
        assertThat(plan.indexes()).contains("handling.coHandlingOrgIds_1_submittedAt_-1");
        assertThat(plan.returned()).isEqualTo(20);
    }

    @Test
    void aTerritorysListReadsOnlyThatTerritorysGrievances() {
        QueryPlans.Plan plan = QueryPlans.explain(mongo, GrievanceDocument.class,
            MongoGrievances.scoped(AccessScope.territory(Jurisdiction.of("999001001")), null)
                .with(MongoGrievances.NEWEST_FIRST).limit(20));

        QueryPlans.assertUsesIndex(plan, "place.divisionCode_1_submittedAt_-1", 40);
        assertThat(plan.returned()).isEqualTo(20);
    }

    @Test
    void aReturningWorkersGrievancesAreFoundByTheirPseudonym() {
        QueryPlans.Plan plan = QueryPlans.explain(mongo, GrievanceDocument.class,
            MongoGrievances.ofWorkerQuery("wk-index-test-returning", "999", 20));

        QueryPlans.assertUsesIndex(plan, "worker_submitted", 12);
        assertThat(plan.returned()).isEqualTo(12);
    }
}
