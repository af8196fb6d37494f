package cn.huiyin.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.huiyin.dashboard.DashboardApplication;
import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.application.query.Breakdown;
import cn.huiyin.dashboard.application.query.FactQueries;
import cn.huiyin.dashboard.application.query.LeaderQueries;
import cn.huiyin.dashboard.application.rebuild.RebuildProgressView;
import cn.huiyin.dashboard.application.rebuild.RebuildProjection;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.platform.embedded.EmbeddedKafkaBroker;
import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard under load, in its own process on the embedded stack's servers (KRaft broker; mongo-java-server with
 * its H2 backend on disk, as {@code ./huiyin up} runs them), fed through Kafka exactly as in production:
 * <ol>
 *   <li><b>projection lag</b>: {@code --cases} grievance lives (8 events each: submitted, triaged, assigned, accepted,
 *       first response, resolved, callback, closed; built from the contracts' examples) are published at
 *       {@code --rate} grievances per second; for every {@code --sample}-th grievance the time from the send of its
 *       last event (GrievanceClosed) to the moment its fact in the live generation shows it closed is measured;</li>
 *   <li><b>leader queries</b>: {@code --queries} figure tables (city month total, city year by organisation rolled
 *       up, district month by category, city quarter by channel) through {@code LeaderQueries}, p50/p99;</li>
 *   <li><b>rebuild</b>: the projection rebuilt from the topics' full history into a fresh generation
 *       ({@code RebuildProjection}), records per second.</li>
 * </ol>
 */
final class DashboardBenchmark implements Benchmarks.Benchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = new JsonMapper();
    private static final String INTAKE = "huiyin.intake.grievance.v1";
    private static final String TRIAGE = "huiyin.triage.case.v1";
    private static final String FOLLOW_UP = "huiyin.followup.case.v1";
    private static final String MEETINGS = "huiyin.jointmeeting.meeting.v1";
    private static final String ORGANISATIONS = "huiyin.triage.organisation.v1";
    private static final List<String> CHANNELS = List.of("HOTLINE_12328", "MINI_PROGRAM", "SERVICE_HALL_WINDOW");
    private static final List<String> CATEGORIES = List.of("WAGES", "PARKING_ACCESS", "INJURY_INSURANCE");
    private static final List<String> DIVISIONS = List.of("510104001", "510104002", "510105001", "510106001",
        "510107003", "510107004");
    private static final int ORGS = 10;
    /** When the first life was sent, for the projection's sustained throughput. */
    private static long loadStarted;
    private static final Instant SENT_AT = Instant.parse("2026-12-02T02:00:00Z");

    static final String HELP = """
        dashboard: projection lag under sustained load, leader query latency, rebuild rate (docs/benchmarks.md)
          --cases N     grievance lives to publish, 8 events each (default 20000)
          --rate N      grievances per second published (default 100, i.e. 800 events/s)
          --sample N    measure the lag of every N-th grievance (default 20)
          --warmup N    lives at the start whose lag is not measured (default 0)
          --queries N   leader queries after the load (default 2000)
          --seed N      grievances of 2026 put into the cells first through a fast path (default 0; above 100,000
                        each distinct fact stands for several; see CellSeeder)
          --live true|false     false: the consumers stay stopped; the lives are published as fast as the broker
                                takes them and only the rebuild reads them (then the queries run on its generation)
          --store disk|memory   mongo-java-server backend (default disk, as ./huiyin up)
          --rebuild true|false  rebuild from history at the end (default true)
        """;

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        int cases = options.integer("cases", 20_000);
        int rate = options.integer("rate", 100);
        int sample = options.integer("sample", 20);
        int warmup = options.integer("warmup", 0);
        int queries = options.integer("queries", 2_000);
        boolean onDisk = !"memory".equals(options.get("store", "disk"));
        boolean rebuild = !"false".equals(options.get("rebuild", "true"));
        int seed = options.integer("seed", 0);
        boolean live = !"false".equals(options.get("live", "true"));

        Path dir = Files.createTempDirectory("huiyin-dashboard-benchmark");
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker("127.0.0.1", 0, 0, dir.resolve("kafka"), 6).start();
        EmbeddedMongoServer mongo = (onDisk ? EmbeddedMongoServer.onDisk("127.0.0.1", 0, dir.resolve("mongo.mv"))
            : EmbeddedMongoServer.inMemory("127.0.0.1", 0)).start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(INTAKE, TRIAGE, FOLLOW_UP, MEETINGS, ORGANISATIONS).stream()
                .map(t -> new NewTopic(t, 6, (short) 1)).toList()).all().get();
        }
        ConfigurableApplicationContext app = start(kafka, mongo, live);
        try (Publisher publisher = new Publisher(kafka.bootstrapServers())) {
            System.out.printf("dashboard: %,d grievance lives (%,d events) at %d/s, lag of every %d-th, MongoDB %s%n",
                cases, cases * 8L, rate, sample, onDisk ? "embedded H2 on disk" : "embedded in memory");
            publisher.organisations();
            if (seed > 0) {
                new CellSeeder(app.getBean(CellStore.class), app.getBean(LiveGeneration.class).forQueries(), DIVISIONS,
                    ORGS).seed(seed);
            }
            if (!live) {
                publishAll(publisher, cases);
                rebuild(app, cases * 8L + ORGS + 1);
                queries(app, queries);
                return;
            }
            Histogram lag = load(app, publisher, cases, rate, sample, warmup);
            printLag(lag);
            awaitAll(app, cases);
            queries(app, queries);
            if (rebuild) {
                rebuild(app, cases * 8L + ORGS + 1);
            }
        } finally {
            app.close();
            mongo.stop();
            kafka.stop();
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo,
                                                        boolean consume) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.cloud.stream.default.consumer.auto-startup", String.valueOf(consume));
        properties.put("huiyin.messaging.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.mongodb.uri", mongo.connectionString());
        properties.put("spring.mongodb.database", "dashboard");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(DashboardApplication.class).initializers(context ->
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties))).run();
    }

    /** Publishes at the rate asked for while a second thread watches the sampled grievances' facts close. */
    private static Histogram load(ConfigurableApplicationContext app, Publisher publisher, int cases, int rate,
                                  int sample, int warmup) throws InterruptedException {
        FactQueries facts = app.getBean(FactQueries.class);
        LiveGeneration live = app.getBean(LiveGeneration.class);
        Map<String, Long> watched = new ConcurrentHashMap<>();
        Histogram lag = new Histogram(3_600_000_000L, 3);
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (publishing.get() || !watched.isEmpty()) {
                for (Map.Entry<String, Long> w : watched.entrySet()) {
                    Optional<CaseFact> fact = facts.find(live.forQueries(), w.getKey());
                    if (fact.isPresent() && fact.get().closedAt() != null) {
                        lag.recordValue(Math.max(0, (System.nanoTime() - w.getValue()) / 1_000));
                        watched.remove(w.getKey());
                    }
                }
                sleep(10);
            }
        }, "lag-watcher");
        watcher.start();
        long started = System.nanoTime();
        loadStarted = started;
        long lastReport = started;
        for (int i = 0; i < cases; i++) {
            long due = started + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String id = publisher.life(i);
            if (i >= warmup && i % sample == 0) {
                watched.put(id, System.nanoTime());
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                double seconds = (lastReport - started) / 1e9;
                System.out.printf("  published %,d of %,d lives (%.0f/s), %,d lag samples taken, %d waiting%n", i + 1,
                    cases, (i + 1) / seconds, lag.getTotalCount(), watched.size());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  published %,d lives (%,d events) in %.1f s: %.0f lives/s, %.0f events/s%n", cases,
            cases * 8L, seconds, cases / seconds, cases * 8 / seconds);
        publishing.set(false);
        watcher.join(Duration.ofMinutes(30).toMillis());
        return lag;
    }

    /** Publishes every life as fast as the broker acknowledges them (a history for the rebuild to read). */
    private static void publishAll(Publisher publisher, int cases) {
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            publisher.life(i);
            if (i % 5_000 == 4_999) {
                System.out.printf("  published %,d of %,d lives%n", i + 1, cases);
            }
        }
        publisher.flush();
        System.out.printf("  published %,d lives (%,d events) in %.1f s, consumers stopped%n", cases, cases * 8L,
            (System.nanoTime() - started) / 1e9);
    }

    private static void printLag(Histogram lag) {
        System.out.printf("projection lag (send of GrievanceClosed -> its fact closed), %,d samples: p50 %.1f ms, "
                + "p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", lag.getTotalCount(), lag.getValueAtPercentile(50) / 1e3,
            lag.getValueAtPercentile(90) / 1e3, lag.getValueAtPercentile(99) / 1e3, lag.getMaxValue() / 1e3);
    }

    private static void awaitAll(ConfigurableApplicationContext app, int cases) {
        FactQueries facts = app.getBean(FactQueries.class);
        LiveGeneration live = app.getBean(LiveGeneration.class);
        long started = System.nanoTime();
        while (true) {
            long n = facts.count(live.forQueries(), "51", cn.huiyin.dashboard.domain.cell.Basis.CLOSED,
                java.time.LocalDate.of(2026, 10, 1), java.time.LocalDate.of(2026, 12, 31));
            if (n >= cases || System.nanoTime() - started > 30 * 60e9) {
                double seconds = (System.nanoTime() - loadStarted) / 1e9;
                System.out.printf("projection throughput: %,d lives closed in the live generation %.1f s after the first "
                    + "send: %.0f events/s applied end to end%n", n, seconds, n * 8 / seconds);
                return;
            }
            sleep(1_000);
        }
    }

    private static void queries(ConfigurableApplicationContext app, int queries) {
        LeaderQueries leaders = app.getBean(LeaderQueries.class);
        Caller city = Caller.of("benchmark-city", Set.of("DASHBOARD_VIEWER"), "org-bench-city", "510100");
        Caller district = Caller.of("benchmark-district", Set.of("DASHBOARD_VIEWER"), "org-bench-0", "510104");
        record Query(String label, Caller caller, String period, String by, boolean rollup) {
        }
        List<Query> mix = List.of(new Query("city, 2026-11, total", city, "2026-11", "none", false),
            new Query("city, 2026, by organisation rolled up", city, "2026", "organisation", true),
            new Query("district, 2026-11, by category", district, "2026-11", "category", false),
            new Query("city, 2026-Q4, by channel", city, "2026-Q4", "channel", false));
        Map<String, Histogram> each = new HashMap<>();
        Histogram all = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < queries + 200; i++) {
            Query q = mix.get(i % mix.size());
            long t = System.nanoTime();
            leaders.figures(q.caller(), null, ReportingPeriod.parse(q.period()).orElseThrow(),
                Breakdown.parse(q.by()).orElseThrow(), q.rollup());
            long micros = (System.nanoTime() - t) / 1_000;
            if (i >= 200) {
                all.recordValue(micros);
                each.computeIfAbsent(q.label(), k -> new Histogram(60_000_000_000L, 3)).recordValue(micros);
            }
        }
        System.out.printf("leader queries (%,d after 200 warm-up): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
            all.getTotalCount(), all.getValueAtPercentile(50) / 1e3, all.getValueAtPercentile(99) / 1e3,
            all.getMaxValue() / 1e3);
        each.forEach((label, h) -> System.out.printf("  %-42s p50 %.2f ms, p99 %.2f ms%n", label,
            h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3));
    }

    private static void rebuild(ConfigurableApplicationContext app, long records) {
        RebuildProjection rebuild = app.getBean(RebuildProjection.class);
        long started = System.nanoTime();
        RebuildProgressView progress = rebuild.start("benchmark");
        while (!"DONE".equals(progress.phase()) && !"FAILED".equals(progress.phase())) {
            sleep(5_000);
            progress = rebuild.progress();
            System.out.printf("  rebuild %s: %,d of %,d records (%.1f %%), %,.0f records/s%n", progress.phase(),
                progress.read(), progress.total(), progress.percent(), progress.ratePerSecond());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("rebuild from history: %s, %,d records read (%,d published) in %.1f s: %,.0f records/s; "
                + "generation %s live%n", progress.phase(), progress.read(), records, seconds, progress.read() / seconds,
            progress.generation());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes events as their producers' outboxes would: CloudEvents, numbered per aggregate, key = aggregate. */
    private static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final Map<String, ObjectNode> examples = new HashMap<>();

        Publisher(String bootstrap) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 5),
                new StringSerializer(), new ByteArraySerializer());
        }

        void organisations() {
            organisation("org-bench-city", null, "510100");
            for (int o = 0; o < ORGS; o++) {
                organisation("org-bench-" + o, "org-bench-city", DIVISIONS.get(o % DIVISIONS.size()).substring(0, 6));
            }
            producer.flush();
        }

        private void organisation(String id, String parent, String jurisdiction) {
            ObjectNode o = JSON.createObjectNode().put("organisationId", id).put("name", id).put("nameEn", id)
                .put("type", parent == null ? "CITY_WORK_DEPARTMENT" : "INDUSTRY_COMMITTEE");
            if (parent != null) {
                o.put("parentId", parent);
            }
            o.putArray("ancestors");
            o.putArray("jurisdiction").add(jurisdiction);
            o.putArray("competences");
            o.putArray("workerGroups");
            o.put("businessHours", "09:00-12:00,13:30-17:30").put("active", true).put("revision", 1)
                .put("updatedAt", "2026-10-01T00:00:00Z");
            send(ORGANISATIONS, "/huiyin/triage", "cn.huiyin.triage.OrganisationUpdated.v1", id, 1, o);
        }

        /** One whole life, submitted in November 2026, closed the day after; returns its id. */
        String life(int i) {
            String id = String.format("HY-202611%02d-%06d", 1 + i % 30, i % 1_000_000);
            Instant at = LocalDateTime.of(2026, 11, 1 + i % 30, 9 + i % 8, i % 60).atZone(BEIJING).toInstant();
            String org = "org-bench-" + (i % ORGS);
            String category = CATEGORIES.get(i % CATEGORIES.size());
            String division = DIVISIONS.get(i % DIVISIONS.size());
            ObjectNode submitted = example("intake/GrievanceSubmitted/examples/v1-truck-driver-12328-minimal.json");
            submitted.put("grievanceId", id).put("trackingNumber", id).put("submittedAt", at.toString())
                .put("channel", CHANNELS.get(i % CHANNELS.size())).put("category", category);
            ((ObjectNode) submitted.get("worker")).put("workerRef", String.format("wk-%024x", i));
            ((ObjectNode) submitted.get("location")).put("divisionCode", division);
            send(INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", id, 1, submitted);

            ObjectNode triaged = example("triage/GrievanceTriaged/examples/v1-truck-driver-classified-by-keywords.json");
            triaged.put("grievanceId", id).put("triagedAt", at.plusSeconds(1).toString()).put("category", category)
                .put("workerGroup", "TRUCK_DRIVER").put("divisionCode", division)
                .put("responseDueAt", at.plus(Duration.ofHours(4)).toString())
                .put("resolutionDueAt", at.plus(Duration.ofDays(5)).toString());
            send(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.GrievanceTriaged.v1", id, 1, triaged);
            ObjectNode assigned = example("triage/GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
            assigned.put("grievanceId", id).put("assignedAt", at.plusSeconds(1).toString()).put("category", category)
                .put("responseDueAt", at.plus(Duration.ofHours(4)).toString())
                .put("resolutionDueAt", at.plus(Duration.ofDays(5)).toString());
            assigned.set("organisation", org(org));
            assigned.putArray("coHandlers");
            send(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.GrievanceAssigned.v1", id, 2, assigned);
            ObjectNode accepted = example("triage/AssignmentAccepted/examples/v1-committee-signs-for.json");
            accepted.put("grievanceId", id).put("acceptedAt", at.plus(Duration.ofMinutes(20)).toString());
            accepted.set("organisation", org(org));
            send(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.AssignmentAccepted.v1", id, 3, accepted);

            ObjectNode responded = example("follow-up/FirstResponseRecorded/examples/v1-committee-calls-the-rider.json");
            responded.put("grievanceId", id).put("contactedAt", at.plus(Duration.ofMinutes(40)).toString())
                .put("withinLimit", true).put("workingMinutes", 40);
            responded.set("organisation", org(org));
            send(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.FirstResponseRecorded.v1", id, 1, responded);
            ObjectNode resolved = example("follow-up/GrievanceResolved/examples/v1-claim-paid.json");
            resolved.put("grievanceId", id).put("resolvedAt", at.plus(Duration.ofHours(20)).toString())
                .put("withinLimit", true);
            resolved.set("organisation", org(org));
            send(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.GrievanceResolved.v1", id, 2, resolved);
            String satisfaction = i % 10 == 0 ? "DISSATISFIED" : "SATISFIED";
            ObjectNode callback = example("follow-up/CallbackRecorded/examples/v1-rider-satisfied.json");
            callback.put("grievanceId", id).put("recordedAt", at.plus(Duration.ofHours(22)).toString())
                .put("solved", "YES").put("satisfaction", satisfaction);
            send(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.CallbackRecorded.v1", id, 3, callback);
            ObjectNode closed = example("follow-up/GrievanceClosed/examples/v1-resolved-and-satisfied.json");
            closed.put("grievanceId", id).put("closedAt", at.plus(Duration.ofHours(23)).toString())
                .put("outcome", i % 10 == 0 ? "RESOLVED_BUT_DISSATISFIED" : "RESOLVED_AND_SATISFIED")
                .put("solved", "YES").put("satisfaction", satisfaction);
            closed.set("organisation", org(org));
            send(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.GrievanceClosed.v1", id, 4, closed);
            return id;
        }

        private void send(String topic, String source, String type, String key, long sequence, ObjectNode data) {
            CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, SENT_AT, key,
                CloudEvent.JSON, data.toString().getBytes(StandardCharsets.UTF_8), key, sequence);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event.data());
            CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
            producer.send(record);
        }

        private static ObjectNode org(String id) {
            return JSON.createObjectNode().put("id", id).put("name", id).put("type", "INDUSTRY_COMMITTEE");
        }

        private ObjectNode example(String path) {
            return examples.computeIfAbsent(path, p -> {
                try (InputStream in = DashboardBenchmark.class.getClassLoader()
                    .getResourceAsStream("contracts/events/" + p)) {
                    if (in == null) {
                        throw new IllegalStateException("No contract example " + p + " on the class path");
                    }
                    return (ObjectNode) JSON.readTree(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).deepCopy();
        }

        void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
