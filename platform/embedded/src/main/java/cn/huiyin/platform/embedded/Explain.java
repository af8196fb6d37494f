package cn.huiyin.platform.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The {@code explain} command, in the shape MongoDB answers it ({@code queryPlanner.winningPlan} as a tree of
 * stages, {@code executionStats}), for {@code find}, {@code count}, {@code distinct}, {@code delete},
 * {@code update}, {@code findAndModify} and {@code aggregate} (its first {@code $match}): the query is run with the
 * plan queries get, and what it examined is counted. An aggregation not starting with {@code $match} is reported as
 * the collection scan it is. Tests assert on it that a service's queries use an index, against this server and real
 * MongoDB alike.
 */
final class Explain {

    private Explain() {
    }

    /** What a query did: the stage that found its candidates, and how many keys and documents it read. */
    static final class Stats {

        private final List<Document> scans = new ArrayList<>();
        private boolean sortServed;
        private boolean ordered;
        private boolean merged;

        /** Whether the scans yielded the requested order (one scan in order, or several merged in order). */
        void ordered(boolean inOrder, boolean mergedScans) {
            ordered = inOrder;
            merged = mergedScans;
        }
        private long keysExamined;
        private long docsExamined;

        long keysExamined() {
            return keysExamined;
        }

        long docsExamined() {
            return docsExamined;
        }

        void collectionScan(long documents) {
            docsExamined += documents;
        }

        void uniqueLookup(Index<?> index, long found) {
            scans.add(scan(index, false));
            keysExamined += found;
            docsExamined += found;
        }

        void indexScan(IndexPlanner.Plan plan, long keys, long documents) {
            scans.add(scan(plan.index(), plan.reverse()));
            sortServed = plan.sortServed();
            keysExamined += keys;
            docsExamined += documents;
        }

        private static Document scan(Index<?> index, boolean reverse) {
            return new Document("stage", "IXSCAN")
                .append("keyPattern", index.toIndexDescription().get("key"))
                .append("indexName", index.getName())
                .append("direction", reverse ? "backward" : "forward");
        }
    }

    static Document explain(MongoDatabase database, Document explained) {
        String verb = explained.keySet().iterator().next();
        String collectionName = String.valueOf(explained.get(verb));
        Document filter = new Document();
        Document sort = null;
        int skip = number(explained.get("skip"));
        int limit = Math.abs(number(explained.get("limit")));
        boolean aggregate = false;
        switch (verb.toLowerCase()) {
            case "find" -> {
                filter = document(explained.get("filter"));
                sort = document(explained.get("sort"));
            }
            case "count", "distinct" -> filter = document(explained.get("query"));
            case "findandmodify" -> {
                filter = document(explained.get("query"));
                sort = document(explained.get("sort"));
                limit = 1;
            }
            case "delete", "update" -> {
                Document first = first(explained.get(verb.equalsIgnoreCase("delete") ? "deletes" : "updates"));
                filter = document(first.get("q"));
                limit = verb.equalsIgnoreCase("delete") ? number(first.get("limit")) : Boolean.TRUE.equals(
                    first.get("multi")) ? 0 : 1;
            }
            case "aggregate" -> {
                Document match = leadingMatch(explained.get("pipeline"));
                aggregate = match == null;
                filter = match == null ? new Document() : match;
            }
            default -> throw new IllegalArgumentException("explain does not support " + verb);
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        Stats stats = new Stats();
        long returned = 0;
        String namespace = database.getDatabaseName() + "." + collectionName;
        Document plan;
        if (collection instanceof IndexNarrowingH2Backend.NarrowingCollection narrowing) {
            if (aggregate) {
                stats.collectionScan(narrowing.count());
                returned = narrowing.count(filter, 0, 0);
            } else {
                QueryResult result = narrowing.execute(filter, sort, skip, limit, 0, null, stats);
                for (Document ignored : result) {
                    returned++;
                }
            }
            plan = plan(stats, filter, sort, skip, limit);
        } else {
            plan = new Document("stage", "EOF");
        }
        Document queryPlanner = new Document("plannerVersion", 1)
            .append("namespace", namespace)
            .append("parsedQuery", filter)
            .append("winningPlan", plan)
            .append("rejectedPlans", List.of());
        Document executionStats = new Document("executionSuccess", Boolean.TRUE)
            .append("nReturned", returned)
            .append("executionTimeMillis", 0)
            .append("totalKeysExamined", stats.keysExamined)
            .append("totalDocsExamined", stats.docsExamined);
        return new Document("queryPlanner", queryPlanner)
            .append("executionStats", executionStats)
            .append("ok", 1.0);
    }

    private static Document plan(Stats stats, Document filter, Document sort, int skip, int limit) {
        Document stage;
        boolean indexed = !stats.scans.isEmpty();
        if (!indexed) {
            stage = new Document("stage", "COLLSCAN").append("filter", filter).append("direction", "forward");
        } else if (stats.scans.size() == 1) {
            stage = new Document("stage", "FETCH").append("filter", filter).append("inputStage", stats.scans.get(0));
        } else {
            stage = new Document("stage", "FETCH").append("filter", filter).append("inputStage",
                new Document("stage", stats.merged ? "SORT_MERGE" : "OR").append("inputStages", stats.scans));
        }
        boolean sorts = sort != null && !sort.isEmpty()
            && !(indexed && (stats.ordered || stats.scans.size() == 1 && stats.sortServed));
        if (sorts) {
            stage = new Document("stage", "SORT").append("sortPattern", sort).append("inputStage", stage);
        }
        if (skip > 0) {
            stage = new Document("stage", "SKIP").append("skipAmount", skip).append("inputStage", stage);
        }
        if (limit > 0) {
            stage = new Document("stage", "LIMIT").append("limitAmount", limit).append("inputStage", stage);
        }
        return stage;
    }

    /** The filter of a pipeline's first stage if that is a {@code $match}, else null. */
    static Document leadingMatch(Object pipeline) {
        Document first = first(pipeline);
        return first.get("$match") instanceof Document match ? match : null;
    }

    private static Document document(Object value) {
        return value instanceof Document document ? document : new Document();
    }

    private static Document first(Object value) {
        if (value instanceof Collection<?> values && !values.isEmpty()
            && values.iterator().next() instanceof Document document) {
            return document;
        }
        return new Document();
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
