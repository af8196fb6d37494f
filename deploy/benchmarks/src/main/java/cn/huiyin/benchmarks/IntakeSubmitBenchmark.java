package cn.huiyin.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.HdrHistogram.Recorder;

/**
 * Sustained submissions to intake's {@code POST /api/grievances} at a fixed rate (open loop: requests go out on
 * schedule whether or not earlier ones have answered), with a real bearer token from the embedded identity provider.
 * Latency is measured from each request's scheduled time, so a stall is counted against every request it delays.
 *
 * <pre>java -jar deploy/benchmarks/target/huiyin-benchmarks.jar intake [--rate 500] [--seconds 30] [--warmup 10]
 *     [--url http://127.0.0.1:8081] [--token-url http://127.0.0.1:9000/oauth2/token] [--stack-pid PID] [--settle 180]
 *     [--store-reference mongodb://127.0.0.1:27017] [--reference-seconds 10]</pre>
 *
 * <p>With the stack's processes found ({@link StackCpu}), it also prints the CPU each process spent per accepted
 * grievance, from the start of the measured load until the stack is quiet again (at most {@code --settle} s).
 */
final class IntakeSubmitBenchmark implements Benchmarks.Benchmark {

    private static final String HELP = """
        intake: POST /api/grievances at a fixed rate (open loop) against a running embedded stack
          --rate N         submissions per second (500)
          --seconds N      measured seconds (30), after --warmup N seconds (10)
          --url U          intake's base URL (http://127.0.0.1:8081)
          --token-url U    the identity provider's token endpoint (http://127.0.0.1:9000/oauth2/token)
          --body F         a grievance JSON file (docs/examples/rider-insurance-claim.json)
          --stack-pid P    the launcher's pid, for CPU per process (found from the service on --url's port if omitted)
          --settle N       at most N s to wait for the stack to go quiet after the load (180)
          --idle N         seconds over which the stack's CPU at rest is measured before the window (15)
          --store-reference URI  after the window, the same store's raw write rate as the reference: one client's
                           acknowledged inserts and updates of grievance-sized documents (as `store` does), for
                           --reference-seconds N (10); e.g. mongodb://127.0.0.1:27017
        """;

    @Override
    public void run(String[] args) throws Exception {
        if (Options.helpAsked(args, HELP)) {
            return;
        }
        Options options = Options.parse(args);
        String body = Files.readString(Path.of(options.get("body", "docs/examples/rider-insurance-claim.json")));
        String token = token(options);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
            .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(options.get("url", "http://127.0.0.1:8081") + "/api/grievances");
        int rate = options.integer("rate", 500);
        int warmup = options.integer("warmup", 10);
        int seconds = options.integer("seconds", 30);

        System.out.printf("Intake submit benchmark: %d submissions/s, %d s warm-up, %d s measured, %s%n", rate, warmup,
            seconds, uri);
        java.util.Optional<StackCpu> stack = StackCpu.find(options, "--server.port=" + uri.getPort());
        Result ignored = load(http, uri, body, token, rate, warmup);
        if (stack.isPresent()) {
            waitQuiet(stack.get(), options);
            stack.get().idle(Duration.ofSeconds(options.integer("idle", 15)));
        }
        long windowStart = System.nanoTime();
        var cpuBefore = stack.map(StackCpu::sample);
        Result result = load(http, uri, body, token, rate, seconds);
        System.out.println(result.report(rate, seconds));
        if (stack.isPresent()) {
            // The window runs until the stack is quiet again, so triage's, the dashboard's and the relays' work on
            // these grievances is counted too.
            Duration settled = waitQuiet(stack.get(), options);
            System.out.printf("  stack quiet %.1f s after the last answer%n", settled.toMillis() / 1000.0);
            long created = result.statuses().getOrDefault(201, new AtomicLong()).get();
            double window = (System.nanoTime() - windowStart) / 1e9;
            System.out.print(stack.get().report(cpuBefore.get(), stack.get().sample(), created, window));
            System.out.printf("  end to end: %d grievances from submission until the stack was quiet in %.1f s = "
                + "%.1f grievances/s%n", created, window, created / window);
        }
        if (options.has("store-reference")) {
            storeReference(options.get("store-reference", ""), options.integer("reference-seconds", 10));
        }
        System.exit(0);
    }

    /** The raw write rate of the same store in the same run, the reference for the loop's rate. */
    private static void storeReference(String uri, int seconds) throws InterruptedException {
        Options.quietLogs();
        try (MongoClient client = MongoClients.create(uri)) {
            StoreWriteBenchmark.Result result = StoreWriteBenchmark.load(StoreWriteBenchmark.scratch(client), 1, seconds);
            System.out.printf("  reference, the same store now: %.0f acknowledged writes/s from one client "
                + "(insert + update of a grievance-sized document), p50 %.2f ms, p99 %.2f ms%n",
                result.writes() / (double) seconds, result.percentile(50), result.percentile(99));
        }
    }

    private static Duration waitQuiet(StackCpu stack, Options options) {
        try {
            return stack.settle(Duration.ofSeconds(options.integer("settle", 180)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Duration.ZERO;
        }
    }

    private static Result load(HttpClient http, URI uri, String body, String token, int rate, int seconds)
        throws InterruptedException {
        Recorder latency = new Recorder(3);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        Semaphore inFlight = new Semaphore(1024);
        long total = (long) rate * seconds;
        CountDownLatch done = new CountDownLatch((int) total);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latency.recordValue(Math.max(0, System.nanoTime() - scheduled) / 1000);
                if (error != null) {
                    failures.incrementAndGet();
                } else {
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latency.getIntervalHistogram(), statuses, failures.get(), total, elapsed);
    }

    private record Result(org.HdrHistogram.Histogram latency, Map<Integer, AtomicLong> statuses, long failures,
                          long sent, double elapsedSeconds) {

        String report(int rate, int seconds) {
            long created = statuses.getOrDefault(201, new AtomicLong()).get();
            return String.format("""
                  sent %d in %.1f s; answered 201: %d, other statuses: %s, transport failures: %d
                  achieved: %.0f submissions/s (target %d/s)
                  latency from scheduled send (ms): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f""",
                sent, elapsedSeconds, created, otherStatuses(), failures, created / elapsedSeconds, rate,
                ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        }

        private String otherStatuses() {
            StringBuilder out = new StringBuilder("{");
            statuses.forEach((status, count) -> {
                if (status != 201) {
                    out.append(status).append('=').append(count.get()).append(' ');
                }
            });
            return out.append('}').toString();
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    /** A token for a window clerk from the embedded stack's identity provider (demo password grant). */
    private static String token(Options options) throws Exception {
        String form = "grant_type=password&client_id=huiyin-cli&username=" + enc(options.get("user", "window-clerk"))
            + "&password=" + enc(options.get("password", "demo-only-window-clerk"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(options.get("token-url", "http://127.0.0.1:9000/oauth2/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("No token from the identity provider: " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
