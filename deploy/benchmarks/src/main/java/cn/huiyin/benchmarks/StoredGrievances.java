package cn.huiyin.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * A documented fast path to a city's worth of stored grievances: writes, through the MongoDB protocol, documents of
 * the shape each service stores — intake's {@code grievances}, triage's {@code inbox} entries and (optionally)
 * follow-up's {@code cases_due} entries — with the indexes each service declares, in batches of 1,000; no Kafka, no
 * services. Used by {@code embedded-queries} (the store alone) and {@code console-pages} (the whole stack reads it).
 *
 * <p>Grievances are spread over 300 days from {@link #START}; the organisations and divisions given are drawn with a
 * skew (the first ones get most, as a district's busiest streets do in the pilot's data); 30 % are still open.
 */
final class StoredGrievances {

    static final Instant START = Instant.parse("2026-01-01T01:00:00Z");
    static final String DESCRIPTION =
        "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔，站点负责人不予协助。";
    private static final int CLERKS = 40;

    final MongoCollection<Document> grievances;
    final MongoCollection<Document> inbox;
    final MongoCollection<Document> due;
    private final List<String> organisations;
    private final List<String> divisions;
    private final boolean withDue;
    private boolean withIntake = true;

    /**
     * @param organisations handling organisations, busiest first
     * @param divisions     division codes (9 digits, a street), busiest first
     * @param withDue       also write follow-up's {@code cases_due} (when follow-up's own case files are not written)
     */
    StoredGrievances(MongoClient client, List<String> organisations, List<String> divisions, boolean withDue) {
        MongoDatabase intake = client.getDatabase("intake");
        this.grievances = intake.getCollection("grievances");
        this.inbox = client.getDatabase("triage").getCollection("inbox");
        this.due = client.getDatabase("follow-up").getCollection("cases_due");
        this.organisations = List.copyOf(organisations);
        this.divisions = List.copyOf(divisions);
        this.withDue = withDue;
    }

    /** {@code n} organisations named {@code org-street-0 …}, as {@code embedded-queries} uses them. */
    static List<String> streetOrganisations(int n) {
        return IntStream.range(0, n).mapToObj(i -> "org-street-" + i).toList();
    }

    /** {@code n} streets of one district: {@code 510108000 …}. */
    static List<String> streetDivisions(String district, int n) {
        return IntStream.range(0, n).mapToObj(i -> district + String.format("%03d", i)).toList();
    }

    /** Leaves intake's grievances out (only triage's inbox, and the due entries if asked): a faster load. */
    StoredGrievances withoutIntake() {
        withIntake = false;
        return this;
    }

    /** As MongoGrievances, MongoInboxes and DueIndex declare them (at every start, like the services). */
    void declareIndexes() {
        grievances.createIndex(Indexes.compoundIndex(Indexes.ascending("place.divisionCode"),
            Indexes.descending("submittedAt")));
        grievances.createIndex(Indexes.compoundIndex(Indexes.ascending("handling.orgId"),
            Indexes.descending("submittedAt")));
        grievances.createIndex(Indexes.compoundIndex(Indexes.ascending("handling.coHandlingOrgIds"),
            Indexes.descending("submittedAt")));
        grievances.createIndex(Indexes.ascending("closedAt"));
        grievances.createIndex(Indexes.compoundIndex(Indexes.ascending("recordedBy.staffId"),
            Indexes.descending("submittedAt")));
        // As intake declares it; missing, intake's first start on the loaded store builds it over every grievance.
        grievances.createIndex(Indexes.compoundIndex(Indexes.ascending("workerRef"), Indexes.descending("submittedAt")),
            new IndexOptions().name("worker_submitted"));
        inbox.createIndex(Indexes.ascending("organisationId", "status", "dueAt", "grievanceId"),
            new IndexOptions().name("org_status_due_id"));
        inbox.createIndex(Indexes.ascending("organisationId", "dueAt", "grievanceId"),
            new IndexOptions().name("org_due_id"));
        if (withDue) {
            due.createIndex(Indexes.ascending("due"), new IndexOptions().name("due"));
        }
    }

    /** Writes {@code count} grievances {@code HY-00000000 …}; prints progress every 20,000. */
    void load(int count) {
        Random random = new Random(42);
        long started = System.nanoTime();
        List<Document> grievanceBatch = new ArrayList<>();
        List<Document> inboxBatch = new ArrayList<>();
        List<Document> dueBatch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant submitted = START.plus(i * (300L * 24 * 3600 / Math.max(count, 1)), ChronoUnit.SECONDS);
            String id = "HY-" + String.format("%08d", i);
            String organisation = organisations.get(skewed(random, organisations.size()));
            String division = divisions.get(skewed(random, divisions.size()));
            boolean open = random.nextInt(10) < 3;
            String status = open ? (random.nextBoolean() ? "ASSIGNED" : "IN_PROGRESS") : "CLOSED";
            Instant responseDue = submitted.plus(2, ChronoUnit.DAYS);
            grievanceBatch.add(grievance(id, submitted, organisation, division, status, random));
            // Triage keeps a signed-for entry ACCEPTED after the case closes (it does not follow follow-up's closure).
            String inboxStatus = open && random.nextInt(3) == 0 ? "PENDING" : "ACCEPTED";
            inboxBatch.add(new Document("_id", organisation + "|" + id)
                .append("organisationId", organisation).append("grievanceId", id)
                .append("status", inboxStatus).append("attempt", 1).append("category", "WAGES")
                .append("categoryName", "欠薪").append("urgency", "NORMAL").append("needsJointReview", false)
                .append("submittedAt", Date.from(submitted)).append("assignedAt", Date.from(submitted.plusSeconds(60)))
                .append("responseDueAt", Date.from(responseDue))
                .append("resolutionDueAt", Date.from(submitted.plus(15, ChronoUnit.DAYS)))
                .append("dueAt", Date.from(inboxStatus.equals("PENDING") ? responseDue
                    : submitted.plus(15, ChronoUnit.DAYS)))
                .append("divisionCode", division).append("summary", DESCRIPTION.substring(0, 30))
                .append("currentLead", new Document("id", organisation).append("name", "承办单位 " + organisation)
                    .append("type", "STREET")));
            if (open && withDue) {
                dueBatch.add(new Document("_id", id).append("due", Date.from(submitted.plus(1 + random.nextInt(20),
                    ChronoUnit.DAYS))).append("touches", 3L));
            } else if (open) {
                random.nextInt(20);
            }
            if (inboxBatch.size() == 1_000 || i == count - 1) {
                if (withIntake) {
                    grievances.insertMany(grievanceBatch);
                }
                inbox.insertMany(inboxBatch);
                if (!dueBatch.isEmpty()) {
                    due.insertMany(dueBatch);
                }
                grievanceBatch.clear();
                inboxBatch.clear();
                dueBatch.clear();
                if ((i + 1) % 20_000 == 0 || i == count - 1) {
                    System.out.printf("  loaded %,d grievances (%s) in %.0f s%n", i + 1,
                        withIntake ? "intake, triage's inbox" : "triage's inbox only",
                        (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    private Document grievance(String id, Instant submitted, String organisation, String division, String status,
                               Random random) {
        List<Document> history = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            history.add(new Document("code", "PROGRESS_" + h).append("at", Date.from(submitted.plusSeconds(h * 3600L)))
                .append("by", organisation).append("params", new Document("note", DESCRIPTION.substring(0, 20))));
        }
        Document handling = new Document("orgId", organisation).append("orgName", "承办单位 " + organisation);
        if (random.nextInt(10) == 0) {
            int index = organisations.indexOf(organisation);
            handling.append("coHandlingOrgIds", List.of(organisations.get((index + 7) % organisations.size())));
        }
        return new Document("_id", id).append("version", 5L).append("outbox", List.of())
            .append("channel", random.nextBoolean() ? "WECHAT" : "HOTLINE")
            .append("recordedBy", new Document("staffId", "clerk-" + skewed(random, CLERKS)).append("name", "接线员"))
            .append("worker", new Document("name", "v1:k1:" + "x".repeat(40)).append("mobile", "v1:k1:" + "y".repeat(40))
                .append("residentId", "v1:k1:" + "z".repeat(56)).append("group", "DELIVERY_RIDER")
                .append("platformOrEmployer", "美团").append("homeStation", "龙湖天街站"))
            .append("confidential", random.nextInt(20) == 0).append("category", "WAGES")
            .append("description", DESCRIPTION.repeat(3))
            .append("place", new Document("divisionCode", division).append("address", "建设路" + division + "号"))
            .append("occurredAt", Date.from(submitted.minus(2, ChronoUnit.DAYS)))
            .append("workerRef", "w-" + Integer.toHexString(random.nextInt()))
            .append("submittedAt", Date.from(submitted)).append("status", status)
            .append("supplements", List.of()).append("evidence", List.of()).append("history", history)
            .append("handling", handling)
            .append("closedAt", status.equals("CLOSED") ? Date.from(submitted.plus(12, ChronoUnit.DAYS)) : null)
            .append("queryCodeHash", Integer.toHexString(random.nextInt()));
    }

    /** A few (the first) get most, as in the pilot's data. */
    static int skewed(Random random, int n) {
        double x = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * x * x));
    }
}
