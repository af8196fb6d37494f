package cn.huiyin.dashboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.cell.CellGroup;
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
 * The dashboard's cells of a period and the facts behind a figure are answered through its indexes on the embedded
 * server and on real MongoDB (where Docker runs): a territory's facts, not the city's. The queries are production's
 * ({@code MongoCells.scopesQuery}, {@code MongoFactQueries.query}); the documents belong to a generation no
 * projection uses.
 */
@ServiceTest
class DashboardIndexesTest {

    private static final String GENERATION = "idx-test-generation";

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void storeCellsAndFacts() {
        List<Document> cells = new ArrayList<>();
        List<Document> facts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cells.add(new Document("_id", GENERATION + "|cell-" + i).append("generation", GENERATION)
                .append("scope", "999" + (i % 10)).append("period", i < 20 ? "2100-01" : "2100-02")
                .append("group", i % 2 == 0 ? CellGroup.ALL.code() : CellGroup.ORG.code()));
            facts.add(new Document("_id", GENERATION + "|IDX-" + i).append("generation", GENERATION)
                .append("division", (i < 15 ? "999001" : "999002") + "001")
                .append("submittedDay", "2100-01-" + String.format("%02d", 1 + i % 28)));
        }
        mongo.getCollection("cells").insertMany(cells);
        mongo.getCollection("facts").insertMany(facts);
    }

    @AfterEach
    void removeThem() {
        mongo.getCollection("cells").deleteMany(Filters.eq("generation", GENERATION));
        mongo.getCollection("facts").deleteMany(Filters.eq("generation", GENERATION));
    }

    @Test
    void theCellsOfAPeriodAndATerritorysFactsAreReadThroughIndexes() {
        QueryPlans.Plan scopes = QueryPlans.explain(mongo.getCollection("cells"),
            MongoCells.scopesQuery(GENERATION, "2100-01", CellGroup.ALL).getQueryObject(), null, 0, 0);
        QueryPlans.Plan facts = QueryPlans.explain(mongo, FactDocument.class,
            MongoFactQueries.query(GENERATION, "999001", Basis.SUBMITTED, LocalDate.parse("2100-01-01"),
                LocalDate.parse("2100-01-10")));

        QueryPlans.assertUsesIndex(scopes, "generation_period_group", 10);
        assertThat(scopes.returned()).isEqualTo(10);
        QueryPlans.assertUsesIndex(facts, "generation_division", 15);
        assertThat(facts.returned()).isGreaterThan(0).isLessThan(15);
    }
}
