package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's own update path ({@link PlainUpdate}) against upstream's: the same random updates, through the
 * driver, to the same documents in both servers must give the same answers (matched, modified, or the error code)
 * and leave the same documents, field order included.
 */
class PlainUpdateTest {

    private static final String[] NAMES = {"rows", "r1", "r2", "x", "y", "n", "a", "b", "offsets", "p0", "version",
        "s", "at", "list", "0", "$", "_id", "nil"};

    @Test
    void randomUpdatesLeaveTheSameDocumentsAndAnswersAsUpstream() {
        Random random = new Random(20261202);
        MVStore ourStore = MVStore.open(null);
        IndexNarrowingH2Backend ours = new IndexNarrowingH2Backend(ourStore);
        try (Server upstream = new Server(new H2Backend(MVStore.open(null))); Server embedded = new Server(ours)) {
            for (Server server : List.of(upstream, embedded)) {
                server.collection().createIndex(Indexes.ascending("s"));
                server.collection().createIndex(Indexes.ascending("n.a"));
                server.collection().createIndex(Indexes.ascending("rows.r1.x"));
                server.collection().createIndex(Indexes.ascending("version", "s"));
            }
            for (int i = 0; i < 40; i++) {
                Document document = document(random, i);
                upstream.collection().insertOne(Document.parse(document.toJson()));
                embedded.collection().insertOne(Document.parse(document.toJson()));
            }
            for (int u = 0; u < 4000; u++) {
                Bson selector = selector(random);
                Document update = update(random);
                String description = "update " + u + ": " + selector + " " + update.toJson();
                assertThat(apply(embedded.collection(), selector, update)).as(description)
                    .isEqualTo(apply(upstream.collection(), selector, update));
                if (u % 200 == 0 || u == 3999) {
                    assertThat(all(embedded.collection())).as("after " + description)
                        .isEqualTo(all(upstream.collection()));
                    // The embedded server answers these through its secondary indexes, upstream by scanning.
                    for (Bson filter : indexedFilters()) {
                        assertThat(found(embedded.collection(), filter)).as(filter + " after " + description)
                            .isEqualTo(found(upstream.collection(), filter));
                    }
                }
            }
            long plain = ((IndexNarrowingH2Backend.NarrowingCollection) ours.resolveDatabase("t")
                .resolveCollection("cells", true)).plainUpdates();
            assertThat(plain).as("updates that took the plain path").isGreaterThan(300);
        }
    }

    @Test
    void anUpsertThatFindsNothingInsertsAndTheNextOneAddsToIt() {
        try (Server embedded = new Server(new IndexNarrowingH2Backend(MVStore.open(null)))) {
            Document increment = Document.parse("{$inc: {'rows.r1.x': 2}, $setOnInsert: {scope: 'city'}}");
            for (int i = 0; i < 3; i++) {
                embedded.collection().updateOne(Filters.eq("_id", "c-1"), increment, new UpdateOptions().upsert(true));
            }
            assertThat(embedded.collection().find().first().toJson())
                .isEqualTo("{\"_id\": \"c-1\", \"rows\": {\"r1\": {\"x\": 6}}, \"scope\": \"city\"}");
        }
    }

    /** Matched and modified counts, or the server's error code. */
    private static String apply(MongoCollection<Document> collection, Bson selector, Document update) {
        try {
            UpdateResult result = collection.updateOne(selector, update);
            return "matched " + result.getMatchedCount() + " modified " + result.getModifiedCount();
        } catch (MongoWriteException e) {
            return "error " + e.getCode();
        } catch (MongoCommandException e) {
            return "failed " + e.getErrorMessage();
        }
    }

    private static List<Bson> indexedFilters() {
        List<Bson> filters = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            filters.add(Filters.eq("s", "text-" + k));
            filters.add(Filters.eq("rows.r1.x", k));
            filters.add(Filters.and(Filters.eq("version", k), Filters.gte("s", "text-1")));
        }
        filters.add(Filters.gte("n.a", 3));
        filters.add(Filters.exists("rows.r1.x", false));
        return filters;
    }

    private static List<Object> found(MongoCollection<Document> collection, Bson filter) {
        List<Object> ids = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("_id")).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static List<String> all(MongoCollection<Document> collection) {
        List<String> documents = new ArrayList<>();
        collection.find().sort(Sorts.ascending("_id")).forEach(document -> documents.add(document.toJson()));
        return documents;
    }

    private static Document document(Random random, int i) {
        return new Document("_id", "d" + i).append("version", random.nextInt(3))
            .append("n", new Document("a", random.nextInt(10)).append("b", (long) random.nextInt(10)))
            .append("rows", new Document("r1", new Document("x", random.nextInt(5)).append("y", 2.5)))
            .append("s", "text-" + random.nextInt(4)).append("at", new Date(1_764_000_000_000L + random.nextInt(9)))
            .append("offsets", random.nextBoolean() ? new Document("p0", (long) random.nextInt(20)) : new Document())
            .append("list", List.of(1, 2, new Document("x", 1))).append("nil", null)
            .append("outbox", List.of(event(random), event(random), new Document("eventId", "e-" + random.nextInt(4))
                .append("type", "Moved")));
    }

    /** An outbox entry: mostly an event id, now and then none or a number there. */
    private static Document event(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new Document("type", "Moved");
            case 1 -> new Document("eventId", random.nextInt(3));
            default -> new Document("eventId", "e-" + random.nextInt(6));
        };
    }

    /** As the outbox relay removes published events; now and then a condition upstream alone knows. */
    private static Object pulled(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(3);
            case 1 -> new Document("eventId", "e-" + random.nextInt(6));
            default -> new Document("eventId", new Document("$in", List.of("e-" + random.nextInt(6),
                "e-" + random.nextInt(6))));
        };
    }

    private static Bson selector(Random random) {
        String id = "d" + random.nextInt(45);
        return switch (random.nextInt(4)) {
            case 0 -> Filters.and(Filters.eq("_id", id), Filters.eq("version", random.nextInt(3)));
            case 1 -> Filters.and(Filters.eq("_id", id), Filters.or(Filters.exists("offsets.p0", false),
                Filters.lt("offsets.p0", (long) random.nextInt(25))));
            default -> Filters.eq("_id", id);
        };
    }

    private static Document update(Random random) {
        String[] operators = {"$set", "$inc", "$max", "$min", "$unset", "$push", "$pull", "$setOnInsert", "$pullAll"};
        Document update = new Document();
        int count = 1 + random.nextInt(random.nextBoolean() ? 1 : 3);
        for (int i = 0; i < count; i++) {
            String operator = operators[random.nextInt(random.nextInt(10) == 0 ? operators.length : 7)];
            Document fields = (Document) update.computeIfAbsent(operator, k -> new Document());
            int width = 1 + random.nextInt(3);
            for (int f = 0; f < width; f++) {
                boolean outbox = (operator.equals("$pull") || operator.equals("$push")) && random.nextInt(3) > 0;
                fields.put(outbox ? "outbox" : path(random), switch (operator) {
                    case "$unset" -> "";
                    case "$push" -> outbox ? event(random) : pushed(random);
                    case "$pull" -> pulled(random);
                    default -> value(random, operator);
                });
            }
        }
        return update;
    }

    private static String path(Random random) {
        int depth = 1 + random.nextInt(3);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            // Mostly names of sub-documents and numbers; now and then any name: an array, an index, a positional
            // operator, the id, a string or a null on the way.
            names.add(random.nextInt(4) == 0 ? NAMES[random.nextInt(NAMES.length)] : NAMES[random.nextInt(8)]);
        }
        return String.join(".", names);
    }

    /** A value, {@code $each} of some, with a {@code $slice} now and then, or a clause upstream alone knows. */
    private static Object pushed(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> value(random, "$push");
            case 2 -> new Document("$each", List.of(random.nextInt(3), "text-" + random.nextInt(3)));
            case 3 -> new Document("$each", List.of(random.nextInt(3))).append("$slice", random.nextInt(5) - 3);
            default -> new Document("$each", List.of(random.nextInt(3))).append("$position", 0);
        };
    }

    private static Object value(Random random, String operator) {
        int kind = random.nextInt(operator.equals("$inc") ? 3 : 7);
        return switch (kind) {
            case 0 -> random.nextInt(5) - 1;
            case 1 -> (long) random.nextInt(5);
            case 2 -> random.nextInt(3) + 0.5;
            case 3 -> "text-" + random.nextInt(4);
            case 4 -> new Date(1_764_000_000_000L + random.nextInt(9));
            case 5 -> new Document("x", random.nextInt(3));
            default -> null;
        };
    }

    private static final class Server implements AutoCloseable {

        private final MongoServer server;
        private final MongoClient client;

        Server(MongoBackend backend) {
            server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        }

        MongoCollection<Document> collection() {
            return client.getDatabase("t").getCollection("cells");
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
