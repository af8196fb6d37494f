package cn.huiyin.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huiyin.followup.FollowUpApplication;
import cn.huiyin.followup.application.CaseFiles;
import cn.huiyin.followup.application.SuperviseDeadlines;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.Handling;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.embedded.EmbeddedKafkaBroker;
import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import com.sun.management.OperatingSystemMXBean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision scan of follow-up with many open cases: CPU and time per scan, and that exactly the due steps fire.
 *
 * <p>Runs follow-up in this process on the embedded stack's servers (a KRaft broker and mongo-java-server with its H2
 * backend on disk, as {@code ./huiyin up} runs them), on a clock the benchmark moves. It stores {@code --cases} open
 * case files (default 200,000) built through follow-up's own domain, all signed for: most with triage's limits of a
 * complex case (respond within 2 working days, resolve within 15), their next step days away; {@code --due} of them
 * (default 1,000) with an urgent-ish response limit of 4 office hours, whose 75 % point comes before the first scan
 * instant and whose deadline comes before the second. Then it scans:
 * <ol>
 *   <li>idle: nothing due (the cost every instance pays every scan interval);</li>
 *   <li>at Wednesday 15:00: exactly the {@code --due} 75 % reminders must fire;</li>
 *   <li>idle again at the same instant: nothing may fire twice;</li>
 *   <li>at 16:30: each due case's deadline has passed — one reminder at the limit, one breach, one yellow card.</li>
 * </ol>
 * The expectation is worked out here from the platform calendar (3 and 4 office hours after submission), not read
 * from follow-up; the events on {@code huiyin.followup.case.v1} are counted per case and step.
 *
 * <pre>java -jar deploy/benchmarks/target/huiyin-benchmarks.jar follow-up [--cases 200000] [--due 1000]
 *     [--idle-scans 5] [--store disk|memory] [--threads 2]</pre>
 */
final class FollowUpSupervisionBenchmark implements Benchmarks.Benchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant BEFORE_ANYTHING_IS_DUE = beijing(2026, 12, 2, 12, 30);
    private static final Instant FIRST_SCAN = beijing(2026, 12, 2, 15, 0);
    private static final Instant SECOND_SCAN = beijing(2026, 12, 2, 16, 30);
    private static final String TOPIC = "huiyin.followup.case.v1";

    private static final OrganisationRef CITY = new OrganisationRef("org-city-swb", "成都市委社会工作部（两新工委）",
        "CITY_WORK_DEPARTMENT");
    private static final OrganisationRef DISTRICT = new OrganisationRef("org-district-lqy", "龙泉驿区委社会工作部",
        "DISTRICT");
    private static final List<OrganisationRef> LEADS = List.of(
        new OrganisationRef("org-committee-online-delivery", "市网约配送行业党委", "INDUSTRY_COMMITTEE"),
        new OrganisationRef("org-street-damian", "大面街道党工委", "STREET"),
        new OrganisationRef("org-street-longquan", "龙泉街道党工委", "STREET"));

    /** A clock the benchmark sets; it stands still between moves, so every scan sees one instant. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private record Scan(String label, double seconds, double processCpuSeconds, double scanThreadCpuSeconds,
                        SuperviseDeadlines.ScanResult result) {
    }

    private static final String HELP = """
        follow-up: the supervision scan over many open cases (follow-up in this process, embedded Kafka and MongoDB)
          --cases N        open case files to store (200000)
          --due N          of them, cases whose steps fall due between the scans (1000)
          --idle-scans N   scans with nothing due, before and after (5)
          --store S        disk|memory: the MongoDB store (disk, as ./huiyin up runs it)
          --threads N      threads seeding the cases (2)
        """;

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        int cases = options.integer("cases", 200_000);
        int due = options.integer("due", 1_000);
        int idleScans = options.integer("idle-scans", 5);
        int threads = options.integer("threads", 2);
        boolean onDisk = !"memory".equals(options.get("store", "disk"));

        Path dir = Files.createTempDirectory("huiyin-follow-up-benchmark");
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker("127.0.0.1", 0, 0, dir.resolve("kafka"), 6).start();
        EmbeddedMongoServer mongo = (onDisk ? EmbeddedMongoServer.onDisk("127.0.0.1", 0, dir.resolve("mongo.mv"))
            : EmbeddedMongoServer.inMemory("127.0.0.1", 0)).start();
        MovableClock clock = new MovableClock(beijing(2026, 12, 2, 9, 0));
        ConfigurableApplicationContext app = start(kafka, mongo, clock);
        try {
            System.out.printf("follow-up supervision scan: %,d open case files (%,d due), MongoDB %s, %d seeding threads%n",
                cases, due, onDisk ? "embedded H2 on disk" : "embedded in memory", threads);
            Map<String, Instant> dueSet = seed(app, cases, due, threads);
            SuperviseDeadlines supervise = app.getBean(SuperviseDeadlines.class);
            try (KafkaConsumer<String, byte[]> topic = reader(kafka)) {
                List<Scan> scans = new ArrayList<>();
                clock.set(BEFORE_ANYTHING_IS_DUE);
                for (int i = 1; i <= idleScans; i++) {
                    scans.add(measure("idle " + i + " (nothing due)", supervise));
                }
                clock.set(FIRST_SCAN);
                scans.add(measure("Wed 15:00, 75 % reminders due", supervise));
                for (int i = 1; i <= idleScans; i++) {
                    scans.add(measure("idle " + i + " at 15:00 again", supervise));
                }
                clock.set(SECOND_SCAN);
                scans.add(measure("Wed 16:30, deadlines breached", supervise));
                print(scans);
                verify(topic, dueSet, 4 * due);
            }
        } finally {
            app.close();
            mongo.stop();
            kafka.stop();
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo,
                                                        Clock clock) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("huiyin.messaging.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.mongodb.uri", mongo.connectionString());
        properties.put("spring.mongodb.database", "follow-up");
        properties.put("server.port", "0");
        // The benchmark scans itself, at the instants it chooses.
        properties.put("huiyin.follow-up.supervision.scan-interval", "1h");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        return new SpringApplicationBuilder(FollowUpApplication.class).initializers(context -> {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
            context.getBeanFactory().registerSingleton("clock", clock);
        }).run();
    }

    /**
     * Stores the case files. Background cases: submitted Wednesday 09:00–12:00 and signed for after 2 minutes, due to
     * respond within 2 working days: their next step, the 75 % reminder, comes on Thursday or Friday. Due cases:
     * submitted 10:00–10:30 and signed for, due to respond within 4 office hours: the 75 % point (3 office hours) falls
     * by 15:00, the deadline after 15:00 and by 16:30.
     *
     * @return the due cases' ids with their 75 % instant, as the calendar gives it
     */
    private static Map<String, Instant> seed(ConfigurableApplicationContext app, int cases, int due, int threads)
        throws Exception {
        CaseFiles store = app.getBean(CaseFiles.class);
        WorkingTime time = app.getBean(WorkingTime.class);
        ChinaCalendar calendar = ChinaCalendar.builtIn();
        Map<String, Instant> dueSet = new ConcurrentHashMap<>();
        AtomicInteger stored = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            work.add(pool.submit(() -> {
                for (int i = first; i < cases; i += threads) {
                    boolean isDue = i < due;
                    Instant submitted = isDue
                        ? beijing(2026, 12, 2, 10, 0).plusMillis(i * (1_800_000L / Math.max(1, due)))
                        : beijing(2026, 12, 2, 9, 0).plusMillis((long) i * 10_800_000L / cases);
                    String id = String.format("HY-20261202-%06d", i + 1);
                    CaseFile file = caseFile(id, submitted, LEADS.get(i % LEADS.size()), isDue, calendar, time);
                    if (isDue) {
                        Instant at75 = calendar.plusWorkingHours(submitted, Duration.ofHours(3), BusinessHours.STANDARD)
                            .instant();
                        Instant deadline = calendar.plusWorkingHours(submitted, Duration.ofHours(4),
                            BusinessHours.STANDARD).instant();
                        if (at75.isAfter(FIRST_SCAN) || !deadline.isAfter(FIRST_SCAN) || deadline.isAfter(SECOND_SCAN)) {
                            throw new IllegalStateException("Due case " + id + " would not be due as planned");
                        }
                        dueSet.put(id, at75);
                    }
                    store.addIfAbsent(file);
                    int n = stored.incrementAndGet();
                    if (n % 50_000 == 0) {
                        System.out.printf("  stored %,d case files (%.0f s)%n", n, (System.nanoTime() - started) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("  stored %,d case files in %.1f s%n", stored.get(), (System.nanoTime() - started) / 1e9);
        return dueSet;
    }

    private static CaseFile caseFile(String id, Instant submitted, OrganisationRef lead, boolean soonDue,
                                     ChinaCalendar calendar, WorkingTime time) {
        Instant responseDue = soonDue
            ? calendar.plusWorkingHours(submitted, Duration.ofHours(4), BusinessHours.STANDARD).instant()
            : calendar.plusWorkingDays(submitted, 2, BusinessHours.STANDARD).instant();
        Instant resolutionDue = calendar.plusWorkingDays(submitted, soonDue ? 3 : 15, BusinessHours.STANDARD).instant();
        List<OrganisationRef> above = lead.type().equals("STREET") ? List.of(DISTRICT, CITY) : List.of(CITY);
        CaseFile file = CaseFile.open(id, submitted);
        file.submitted(submitted, "wk-" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 24), "FOOD_DELIVERY_RIDER", "美团", "510112002", false,
            "INJURY_INSURANCE", "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。", time);
        file.assigned(new Handling(lead, List.of(), above, 1, submitted.plusSeconds(1), null, false), "INJURY_INSURANCE",
            "工伤与意外险理赔", "HIGH", responseDue, resolutionDue, WorkingTime.OFFICE_HOURS, time);
        file.signedFor(lead.id(), 1, submitted.plusSeconds(120), time);
        file.replan(time);
        return file;
    }

    private static Scan measure(String label, SuperviseDeadlines supervise) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = os.getProcessCpuTime();
        long threadCpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        SuperviseDeadlines.ScanResult result = supervise.scan();
        return new Scan(label, (System.nanoTime() - started) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
            (threads.getCurrentThreadCpuTime() - threadCpu) / 1e9, result);
    }

    private static void print(List<Scan> scans) {
        System.out.println();
        System.out.println("| scan | case files visited | steps issued | wall (s) | CPU, whole process (s) | CPU, scanning thread (s) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Scan s : scans) {
            System.out.printf("| %s | %,d | %,d | %.3f | %.3f | %.3f |%n", s.label(), s.result().caseFiles(),
                s.result().stepsIssued(), s.seconds(), s.processCpuSeconds(), s.scanThreadCpuSeconds());
        }
    }

    /** Reads the topic until {@code expected} events came (or two minutes passed) and checks them case by case. */
    private static void verify(KafkaConsumer<String, byte[]> topic, Map<String, Instant> dueSet, int expected) {
        JsonMapper json = new JsonMapper();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (records.size() < expected && System.nanoTime() < deadline) {
            topic.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        // A little longer, to see anything beyond what was expected.
        long settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < settle) {
            topic.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        Map<String, List<String>> steps = new HashMap<>();
        Set<String> problems = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                .replace("cn.huiyin.followup.", "").replace(".v1", "");
            JsonNode data = json.readTree(record.value());
            String step = type + " " + data.path("step").asString(data.path("card").asString(""));
            steps.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(step.strip());
            if (type.equals("ReminderIssued") && data.get("step").asString().equals("REMINDER_75")
                && dueSet.containsKey(record.key())
                && !Instant.parse(data.get("dueAt").asString()).equals(dueSet.get(record.key()))) {
                problems.add(record.key() + ": 75 % reminder due at " + data.get("dueAt").asString()
                    + ", the calendar says " + dueSet.get(record.key()));
            }
        }
        List<String> expectedSteps = List.of("ReminderIssued REMINDER_75", "ReminderIssued REMINDER_AT_LIMIT",
            "DeadlineBreached", "SupervisionEscalated YELLOW");
        int exact = 0;
        for (String id : dueSet.keySet()) {
            if (expectedSteps.equals(steps.get(id))) {
                exact++;
            } else {
                problems.add(id + ": " + steps.get(id));
            }
        }
        steps.keySet().stream().filter(id -> !dueSet.containsKey(id))
            .forEach(id -> problems.add(id + " was not due, yet: " + steps.get(id)));
        System.out.println();
        System.out.printf("events on %s: %,d (expected %,d); due cases with exactly their four steps, in order: %,d of %,d%n",
            TOPIC, records.size(), expected, exact, dueSet.size());
        if (problems.isEmpty()) {
            System.out.println("every due step fired exactly once, and nothing else fired");
        } else {
            System.out.printf("%d problem(s), e.g. %s%n", problems.size(), problems.stream().limit(5).toList());
        }
    }

    private static KafkaConsumer<String, byte[]> reader(EmbeddedKafkaBroker kafka) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
            new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    private static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant();
    }
}
