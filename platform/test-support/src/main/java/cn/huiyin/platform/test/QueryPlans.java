package cn.huiyin.platform.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How a MongoDB-protocol server answers a query, from its {@code explain} command: which index the winning plan
 * scans and how many keys and documents it read. The same assertions hold against real MongoDB (Testcontainers,
 * where Docker runs) and the embedded server, which answers {@code explain} in MongoDB's shape. A test proves a
 * service's real query uses an index by building the query the way production does and asserting on its plan:
 * counts, not timings.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** What a plan did: the indexes its scans used (none: a collection scan), its stages, what it read. */
    public record Plan(List<String> indexes, List<String> stages, long returned, long keysExamined,
                       long docsExamined, Document explain) {

        public boolean usesIndex() {
            return !indexes.isEmpty() && !stages.contains("COLLSCAN");
        }
    }

    /** The plan of a Spring Data query on an entity's collection, mapped as MongoTemplate maps it. */
    public static Plan explain(MongoTemplate mongo, Class<?> entity, Query query) {
        MongoPersistentEntity<?> persistent = mongo.getConverter().getMappingContext().getPersistentEntity(entity);
        QueryMapper mapper = new QueryMapper(mongo.getConverter());
        Document filter = mapper.getMappedObject(query.getQueryObject(), persistent);
        Document sort = mapper.getMappedSort(query.getSortObject(), persistent);
        return explain(mongo.getCollection(mongo.getCollectionName(entity)), filter, sort,
            (int) query.getSkip(), query.getLimit());
    }

    /** The plan of a query on a collection read with the driver. */
    public static Plan explain(MongoCollection<Document> collection, Bson filter, Bson sort, int skip, int limit) {
        FindIterable<Document> find = collection.find(filter).skip(skip).limit(limit);
        if (sort != null) {
            find = find.sort(sort);
        }
        return read(find.explain(ExplainVerbosity.EXECUTION_STATS));
    }

    /** Fails unless the plan scans an index rather than the collection; returns the plan for further checks. */
    public static Plan assertUsesIndex(Plan plan) {
        if (!plan.usesIndex()) {
            throw new AssertionError("expected an index scan, but the plan was " + plan.stages() + ": "
                + plan.explain().toJson());
        }
        return plan;
    }

    /** Fails unless the plan scans the named index and reads no more documents than {@code maxDocsExamined}. */
    public static Plan assertUsesIndex(Plan plan, String index, long maxDocsExamined) {
        assertUsesIndex(plan);
        if (!plan.indexes().contains(index)) {
            throw new AssertionError("expected index " + index + ", but the plan used " + plan.indexes() + ": "
                + plan.explain().toJson());
        }
        if (plan.docsExamined() > maxDocsExamined) {
            throw new AssertionError("expected at most " + maxDocsExamined + " documents read, but the plan read "
                + plan.docsExamined() + " to return " + plan.returned() + ": " + plan.explain().toJson());
        }
        return plan;
    }

    static Plan read(Document explain) {
        Document queryPlanner = explain.get("queryPlanner", Document.class);
        List<String> indexes = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        walk(queryPlanner == null ? null : queryPlanner.get("winningPlan"), indexes, stages);
        Document stats = explain.get("executionStats", Document.class);
        return new Plan(indexes, stages, number(stats, "nReturned"), number(stats, "totalKeysExamined"),
            number(stats, "totalDocsExamined"), explain);
    }

    /** Every stage of the tree, in MongoDB's classic shape or the slot-based engine's ({@code queryPlan}). */
    private static void walk(Object node, List<String> indexes, List<String> stages) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("stage") instanceof String stage) {
                stages.add(stage);
                if (stage.contains("IXSCAN") || stage.contains("IDHACK")) {
                    indexes.add(map.get("indexName") instanceof String name ? name : "_id_");
                }
            }
            for (Object value : map.values()) {
                walk(value, indexes, stages);
            }
        } else if (node instanceof Collection<?> values) {
            values.forEach(value -> walk(value, indexes, stages));
        }
    }

    private static long number(Document stats, String field) {
        return stats != null && stats.get(field) instanceof Number n ? n.longValue() : -1;
    }
}
