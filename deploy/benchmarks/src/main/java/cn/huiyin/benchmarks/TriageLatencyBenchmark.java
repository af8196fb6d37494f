package cn.huiyin.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Triage latency: from a {@code GrievanceSubmitted} CloudEvent published on intake's topic to the
 * {@code GrievanceAssigned} triage publishes for it, at a sustained rate (open loop: events go out on schedule whether
 * or not triage keeps up). Latency is measured from each event's scheduled send time to the moment this process reads
 * the assignment, so it includes both trips through the broker, triage's work, its MongoDB writes and its outbox
 * relay, and a stall is counted against every event it delays.
 *
 * <p>The grievances vary like a city's: eight cases of the domain brief (insurance, wages, parking, penalties,
 * hazards, schooling, ...) across worker groups, firms and streets, each worker new, so duplicate detection, clusters
 * and joint-review requests do the work they would do in production. Grievance ids start with {@code HY-99}, a
 * tracking-number day no real grievance has, so the run never collides with demo data.
 *
 * <pre>java -jar deploy/benchmarks/target/huiyin-benchmarks.jar triage [--rate 500] [--seconds 30] [--warmup 10]
 *     [--bootstrap 127.0.0.1:9092] [--stack-pid PID] [--settle 180]</pre>
 *
 * <p>With the stack's processes found ({@link StackCpu}), it also prints the CPU each process spent per assigned
 * grievance, from the start of the measured load until the stack is quiet again (at most {@code --settle} s).
 */
final class TriageLatencyBenchmark implements Benchmarks.Benchmark {

    private static final String INTAKE_TOPIC = "huiyin.intake.grievance.v1";
    private static final String TRIAGE_TOPIC = "huiyin.triage.case.v1";
    private static final String SUBMITTED = "cn.huiyin.intake.GrievanceSubmitted.v1";
    private static final String ASSIGNED = "cn.huiyin.triage.GrievanceAssigned.v1";

    /** category or null (triage classifies), worker group, firm, description. */
    private record Case(String category, String group, String employer, String description) {
    }

    private static final List<Case> CASES = List.of(
        new Case("INJURY_INSURANCE", "FOOD_DELIVERY_RIDER", "美团",
            "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。"),
        new Case("WAGES", "FOOD_DELIVERY_RIDER", "饿了么", "站点骑手两个月跑单费没有结算，多次催要无果。"),
        new Case("PARKING_ACCESS", "FOOD_DELIVERY_RIDER", "美团", "商场不让外卖骑手进门取餐，电动车没有地方停，经常被保安驱赶。"),
        new Case("PLATFORM_RULES", "COURIER", "顺丰速运", "派件超时被罚款200元，申诉没人理。"),
        new Case(null, "TRUCK_DRIVER", null, "厂区门口没有货车停车位，等待装货只能停在路边被罚款。"),
        new Case(null, "FOOD_DELIVERY_RIDER", null, "随手拍：路口井盖缺失，晚上骑车看不见，很危险。"),
        new Case("CHILDREN_SCHOOLING", "RIDE_HAILING_DRIVER", "滴滴", "孩子明年要上小学，外地户籍不知道怎么办入学。"),
        new Case("LEGAL_AID", "GIG_WORKER", null, "在零工市场接活被拖欠工钱，想找律师打官司但请不起。"));

    private static final List<String> PLACES = List.of("510112002", "510112002001", "510112001", "510104001",
        "510107003", "510108002", "510113", "510116002001", "510105001", "510106003", "510114001", "510117002");

    private static final String HELP = """
        triage: GrievanceSubmitted -> GrievanceAssigned latency at a fixed rate (open loop) on a running embedded stack
          --rate N         grievances per second (500)
          --seconds N      measured seconds (30), after --warmup N seconds (10)
          --bootstrap B    the stack's Kafka (127.0.0.1:9092)
          --stack-pid P    the launcher's pid, for CPU per process (found from the services' --bootstrap if omitted)
          --settle N       at most N s to wait for the stack to go quiet after the load (180)
          --idle N         seconds over which the stack's CPU at rest is measured before the window (15)
        """;

    @Override
    public void run(String[] args) throws Exception {
        if (Options.helpAsked(args, HELP)) {
            return;
        }
        Options options = Options.parse(args);
        // The Kafka clients' start-up chatter would bury the figures.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
            .setLevel(ch.qos.logback.classic.Level.WARN);
        String bootstrap = options.get("bootstrap", "127.0.0.1:9092");
        int rate = options.integer("rate", 500);
        int warmup = options.integer("warmup", 10);
        int seconds = options.integer("seconds", 30);
        String run = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));

        System.out.printf("Triage latency benchmark: GrievanceSubmitted -> GrievanceAssigned, %d grievances/s, "
            + "%d s warm-up, %d s measured, broker %s, run %s%n", rate, warmup, seconds, bootstrap, run);
        try (Reader reader = new Reader(bootstrap);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                 ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                 ProducerConfig.ACKS_CONFIG, "all",
                 ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                 ProducerConfig.LINGER_MS_CONFIG, 1,
                 ProducerConfig.CLIENT_ID_CONFIG, "huiyin-benchmark-triage"),
                 new StringSerializer(), new ByteArraySerializer())) {
            reader.start();
            AtomicLong sequence = new AtomicLong();
            load(producer, reader, run, sequence, rate, warmup);
            reader.reset();
            java.util.Optional<StackCpu> stack = StackCpu.find(options,
                "--huiyin.messaging.bootstrap-servers=" + bootstrap);
            if (stack.isPresent()) {
                stack.get().settle(Duration.ofSeconds(options.integer("settle", 180)));
                stack.get().idle(Duration.ofSeconds(options.integer("idle", 15)));
            }
            long windowStart = System.nanoTime();
            var cpuBefore = stack.map(StackCpu::sample);
            Result result = load(producer, reader, run, sequence, rate, seconds);
            System.out.println(result.report(rate));
            if (stack.isPresent()) {
                // Until the stack is quiet: the dashboard's and intake's work on the assignments is counted too.
                Duration settled = stack.get().settle(Duration.ofSeconds(options.integer("settle", 180)));
                System.out.printf("  stack quiet %.1f s after the last assignment%n", settled.toMillis() / 1000.0);
                System.out.print(stack.get().report(cpuBefore.get(), stack.get().sample(),
                    result.latency().getTotalCount(), (System.nanoTime() - windowStart) / 1e9));
            }
        }
        System.exit(0);
    }

    private static Result load(KafkaProducer<String, byte[]> producer, Reader reader, String run, AtomicLong sequence,
                               int rate, int seconds) throws InterruptedException {
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong sendFailures = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String id = "HY-99" + run + "-" + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
            reader.expect(id, scheduled);
            producer.send(submitted(id), (metadata, error) -> {
                if (error != null) {
                    sendFailures.incrementAndGet();
                }
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reader.outstanding() > 0 && System.nanoTime() < waitUntil) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        double allSeconds = (reader.lastArrival() - start) / 1e9;
        return new Result(reader.histogram(), total, sendFailures.get(), reader.outstanding(), sendSeconds,
            allSeconds);
    }

    private static ProducerRecord<String, byte[]> submitted(String id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Case c = CASES.get(random.nextInt(CASES.size()));
        byte[] ref = new byte[12];
        random.nextBytes(ref);
        String data = "{\"grievanceId\":\"" + id + "\",\"trackingNumber\":\"" + id + "\","
            + "\"submittedAt\":\"" + Instant.now() + "\",\"channel\":\"SERVICE_HALL_WINDOW\","
            + "\"worker\":{\"workerRef\":\"wk-" + HexFormat.of().formatHex(ref) + "\",\"group\":\"" + c.group() + "\""
            + (c.employer() == null ? "" : ",\"platformOrEmployer\":\"" + c.employer() + "\"") + "},"
            + "\"confidential\":" + (random.nextInt(10) == 0) + ","
            + (c.category() == null ? "" : "\"category\":\"" + c.category() + "\",")
            + "\"description\":\"" + c.description() + "\","
            + "\"location\":{\"divisionCode\":\"" + PLACES.get(random.nextInt(PLACES.size())) + "\"},"
            + "\"evidenceCount\":0}";
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "/huiyin/intake", SUBMITTED, Instant.now(), id,
            CloudEvent.JSON, data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(INTAKE_TOPIC, id, event.data());
        for (Header header : CloudEventKafkaHeaders.toHeaders(event)) {
            record.headers().add(header);
        }
        return record;
    }

    /** Reads triage's topic on its own thread and times each grievance's first assignment. */
    private static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> expected = new ConcurrentHashMap<>();
        private final Recorder latency = new Recorder(3);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong lastArrival = new AtomicLong();
        private final Thread thread = new Thread(this::poll, "triage-topic-reader");
        private volatile boolean assigned;

        Reader(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "huiyin-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        }

        void start() throws InterruptedException {
            thread.setDaemon(true);
            thread.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!assigned && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            if (!assigned) {
                throw new IllegalStateException("No partitions of " + TRIAGE_TOPIC + " assigned; is the stack up?");
            }
        }

        private void poll() {
            consumer.subscribe(List.of(TRIAGE_TOPIC));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    Header type = record.headers().lastHeader(CloudEventKafkaHeaders.TYPE);
                    if (type != null && ASSIGNED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        Long scheduled = expected.remove(record.key());
                        if (scheduled != null) {
                            long now = System.nanoTime();
                            latency.recordValue(Math.max(0, now - scheduled) / 1000);
                            lastArrival.set(now);
                        }
                    }
                }
                if (!assigned && !consumer.assignment().isEmpty()) {
                    consumer.seekToEnd(consumer.assignment());
                    consumer.assignment().forEach(consumer::position);
                    assigned = true;
                }
            }
            consumer.close(Duration.ofSeconds(2));
        }

        void expect(String grievanceId, long scheduledNanos) {
            expected.put(grievanceId, scheduledNanos);
        }

        long outstanding() {
            return expected.size();
        }

        long lastArrival() {
            return lastArrival.get();
        }

        Histogram histogram() {
            return latency.getIntervalHistogram();
        }

        /** Forgets the warm-up. */
        void reset() {
            expected.clear();
            latency.getIntervalHistogram();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }

    private record Result(Histogram latency, long sent, long sendFailures, long missing, double sendSeconds,
                          double allAssignedSeconds) {

        String report(int rate) {
            long assigned = latency.getTotalCount();
            return String.format("""
                  sent %d GrievanceSubmitted in %.1f s (%.0f/s, target %d/s), send failures %d
                  assigned %d (missing after 60 s: %d); last assignment %.1f s after the first send: %.0f assignments/s
                  latency GrievanceSubmitted -> GrievanceAssigned (ms): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f""",
                sent, sendSeconds, sent / sendSeconds, rate, sendFailures, assigned, missing, allAssignedSeconds,
                assigned / Math.max(allAssignedSeconds, 0.001),
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }
}
