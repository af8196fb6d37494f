package cn.huiyin.benchmarks;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.huiyin.dashboard.DashboardApplication;
import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.followup.FollowUpApplication;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.persistence.CaseFileBatches;
import cn.huiyin.platform.embedded.EmbeddedKafkaBroker;
import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.HdrHistogram.Histogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The console's pages as each role sees them, on the embedded stack at a city's scale (issue 15: server time p95 under
 * 300 ms per page). Two steps:
 * <ol>
 *   <li>{@code --load-into DIR} (stack stopped): writes a data directory the stack can start on — intake's grievances
 *       and triage's inbox through {@link StoredGrievances}, follow-up's case files through follow-up's own domain and
 *       store ({@link CaseFileSeeder}, follow-up run in this process), the dashboard's cells ({@link CellSeeder},
 *       the dashboard run in this process) — all in the one store file {@code DIR/mongo/huiyin-v2.mv}.</li>
 *   <li>measure (stack up on that directory): signs each demo user in through the console's real OpenID Connect
 *       authorization-code flow with PKCE (a plain HTTP client with cookies: the identity provider's login form, the
 *       redirects back), then fetches the role's landing page and the leader's dashboard, unmeasured first, then
 *       measured: the time from sending the request to the last byte of the page, over loopback.</li>
 * </ol>
 */
final class ConsolePagesBenchmark implements Benchmarks.Benchmark {

    private static final String HELP = """
        console-pages: each role's landing page and the leader dashboard, signed in through the console
          step 1, stack stopped:
          --load-into DIR     write a data directory (HUIYIN_DATA_DIR) with --grievances grievances and exit
          --grievances N      grievances (intake, triage's inbox, follow-up's case files, the dashboard's cells; 200000)
          --threads N         follow-up seeding threads (default 2)
          --intake false      leave intake's grievances out (no landing page reads them; the slowest part to load)
          step 2, stack up on that directory (HUIYIN_DATA_DIR=DIR HUIYIN_PORT_OFFSET=300 ./huiyin up):
          --console URL       the console (default http://127.0.0.1:8380)
          --requests N        measured requests per page (default 100), after --warmup N unmeasured (default 20)
          --pages a,b         only these pages (names as printed)
          --backends N        then each page's service calls directly, N times each, with a token of the same user
                              (password grant, client huiyin-cli): which call dominates (default 0: not measured)
          --offset N          the stack's HUIYIN_PORT_OFFSET, for --backends (default 300)
        """;

    /** A page a user lands on or opens; {@code path} relative to the console. */
    record Page(String name, String user, String path) {
    }

    static final List<Page> PAGES = List.of(
        new Page("clerk /clerk/new", "window-clerk", "/clerk/new"),
        new Page("callbacks /callbacks", "callback-agent", "/callbacks"),
        new Page("convener /convener", "meeting-convener", "/convener"),
        new Page("supervisor /supervisor", "supervisor", "/supervisor"),
        new Page("leader /leader (this month)", "dashboard-viewer", "/leader"),
        new Page("leader /leader?period=2026 (the year)", "dashboard-viewer", "/leader?period=2026"),
        // Last: a service call that times out opens that service's circuit breaker, which degrades other pages too.
        new Page("handler /handler", "org-handler", "/handler"));

    /** The streets of 龙泉驿区 (the supervisor's and leader's jurisdiction) first, then streets elsewhere in 成都. */
    static final List<String> DIVISIONS = Stream.of(StoredGrievances.streetDivisions("510112", 12).stream().skip(1),
        StoredGrievances.streetDivisions("510108", 10).stream().skip(1),
        StoredGrievances.streetDivisions("510104", 10).stream().skip(1)).flatMap(s -> s).toList();

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        if (options.values().containsKey("load-into")) {
            load(Path.of(options.get("load-into", "")), options.integer("grievances", 200_000),
                options.integer("threads", 2), !"false".equals(options.get("intake", "true")));
            System.exit(0);
        }
        measure(options.get("console", "http://127.0.0.1:8380"), options.integer("requests", 100),
            options.integer("warmup", 20), options.get("pages", ""));
        int backends = options.integer("backends", 0);
        if (backends > 0) {
            backends(options.integer("offset", 300), backends);
        }
        System.exit(0);
    }

    // ---- step 1: the data directory -----------------------------------------------------------------------------

    private static void load(Path dataDir, int grievances, int threads, boolean withIntake) throws Exception {
        Path file = dataDir.toAbsolutePath().resolve("mongo").resolve("huiyin-v2.mv");
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; load into a new directory");
        }
        Files.createDirectories(file.getParent());
        Path scratch = Files.createTempDirectory("huiyin-console-pages-kafka");
        Instant now = Clock.systemUTC().instant();
        System.out.printf("console-pages: loading %,d grievances into %s (the stack's clock: now, %s)%n", grievances,
            file, now);
        long started = System.nanoTime();
        EmbeddedMongoServer mongo = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
        // Follow-up's outbox relay publishes the seeded case files' events here, not into the stack's broker.
        EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker("127.0.0.1", 0, 0, scratch.resolve("kafka"), 6).start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            List<String> organisations = new ArrayList<>();
            CaseFileSeeder.LEADS.forEach(lead -> organisations.add(lead.id()));
            organisations.addAll(StoredGrievances.streetOrganisations(60));
            StoredGrievances stored = new StoredGrievances(client, organisations, DIVISIONS, false);
            if (!withIntake) {
                stored.withoutIntake();
            }
            stored.declareIndexes();
            stored.load(grievances);

            ConfigurableApplicationContext followUp = start(FollowUpApplication.class, "follow-up", kafka, mongo,
                Map.of("huiyin.follow-up.supervision.scan-interval", "1h"));
            try {
                new CaseFileSeeder(new CaseFileBatches(followUp.getBean(MongoTemplate.class).getConverter(),
                    client.getDatabase("follow-up")),
                    followUp.getBean(WorkingTime.class), DIVISIONS).seed(grievances, now, threads);
            } finally {
                followUp.close();
            }

            ConfigurableApplicationContext dashboard = start(DashboardApplication.class, "dashboard", kafka, mongo,
                Map.of("spring.cloud.stream.default.consumer.auto-startup", "false"));
            try {
                new CellSeeder(dashboard.getBean(CellStore.class), dashboard.getBean(LiveGeneration.class).forQueries(),
                    DIVISIONS.subList(0, 11), 24).seed(grievances);
            } finally {
                dashboard.close();
            }
        } finally {
            kafka.stop();
            mongo.stop();
        }
        System.out.printf("loaded in %.0f s; store file %,d MB%n", (System.nanoTime() - started) / 1e9,
            Files.size(file) >> 20);
    }

    private static ConfigurableApplicationContext start(Class<?> application, String database,
                                                        EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo,
                                                        Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("huiyin.messaging.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.mongodb.uri", mongo.connectionString());
        properties.put("spring.mongodb.database", database);
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).initializers(c -> c
            .getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties))).run();
        Options.quietLogs();
        return context;
    }

    // ---- step 2: the pages --------------------------------------------------------------------------------------

    private static void measure(String console, int requests, int warmup, String only) throws Exception {
        List<Page> pages = PAGES.stream().filter(p -> only.isBlank() || List.of(only.split(",")).contains(p.name()))
            .toList();
        System.out.printf("console-pages: %s, %d unmeasured then %d measured requests per page, one at a time%n",
            console, warmup, requests);
        Map<String, Browser> signedIn = new LinkedHashMap<>();
        Map<Page, Histogram> times = new LinkedHashMap<>();
        Map<Page, String> shape = new LinkedHashMap<>();
        for (Page page : pages) {
            Browser browser = signedIn.get(page.user());
            if (browser == null) {
                long started = System.nanoTime();
                browser = Browser.signIn(console, page.user());
                System.out.printf("  %s signed in (landed on %s) in %.0f ms%n", page.user(), browser.landing,
                    (System.nanoTime() - started) / 1e6);
                signedIn.put(page.user(), browser);
            }
            Histogram histogram = new Histogram(60_000_000L, 3);
            String last = "";
            for (int i = 0; i < warmup + requests; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = browser.get(page.path());
                long micros = (System.nanoTime() - started) / 1_000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(page.name() + ": HTTP " + response.statusCode() + " "
                        + response.headers().firstValue("Location").orElse(""));
                }
                if (i >= warmup) {
                    histogram.recordValue(micros);
                }
                last = response.body();
            }
            shape.put(page, String.format("%,d bytes, %d table rows, %d part(s) down", last.getBytes(
                StandardCharsets.UTF_8).length, count(last, "<tr"), count(last, "class=\"down\"")));
            times.put(page, histogram);
            System.out.printf("  %-40s p50 %7.1f ms  p95 %7.1f ms  (%s)%n", page.name(), ms(histogram, 50),
                ms(histogram, 95), shape.get(page));
        }
        System.out.println();
        System.out.println("| page | user | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | p95 < 300 ms | last page |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<Page, Histogram> e : times.entrySet()) {
            Histogram h = e.getValue();
            System.out.printf("| %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s |%n", e.getKey().name(), e.getKey().user(),
                ms(h, 50), ms(h, 95), ms(h, 99), h.getMaxValue() / 1000.0, ms(h, 95) < 300 ? "yes" : "**no**",
                shape.get(e.getKey()));
        }
    }

    /** The service calls behind each page, as the console's controllers make them (one after the other). */
    static final Map<String, List<String>> CALLS = Map.of(
        "org-handler", List.of("triage 8082 /api/inbox?view=PENDING&size=50", "follow-up 8084 /api/cases/mine?size=50"),
        "callback-agent", List.of("follow-up 8084 /api/callbacks/due?all=true&size=50",
            "follow-up 8084 /api/callbacks/retaliation-checks/due?size=50"),
        "meeting-convener", List.of("joint-meeting 8083 /api/review-requests?state=PENDING",
            "joint-meeting 8083 /api/meetings"),
        "supervisor", List.of("follow-up 8084 /api/supervision/escalations?size=50",
            "follow-up 8084 /api/supervision/extensions?size=50"),
        "dashboard-viewer", List.of("dashboard 8085 /api/dashboard/figures?period=2026&by=organisation&rollup=true",
            "dashboard 8085 /api/dashboard/figures?period=2026-12&by=organisation&rollup=true",
            "dashboard 8085 /api/dashboard/metrics", "dashboard 8085 /api/dashboard/rankings/2026-12",
            "dashboard 8085 /api/dashboard/hotspots?month=2026-12"));

    private static void backends(int offset, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.println();
        System.out.println("| user | service call | p50 (ms) | p95 (ms) | max (ms) | bytes |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<String>> user : new java.util.TreeMap<>(CALLS).entrySet()) {
            String form = "grant_type=password&client_id=huiyin-cli&username=" + user.getKey()
                + "&password=demo-only-" + user.getKey();
            String answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (9000 + offset)
                    + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
            if (!token.find()) {
                throw new IllegalStateException("No token for " + user.getKey() + ": " + answer);
            }
            for (String call : user.getValue()) {
                String[] parts = call.split(" ");
                URI uri = URI.create("http://127.0.0.1:" + (Integer.parseInt(parts[1]) + offset) + parts[2]);
                Histogram histogram = new Histogram(60_000_000L, 3);
                int bytes = 0;
                String failed = null;
                for (int i = 0; i < n + 2 && failed == null; i++) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token.group(1)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (response.statusCode() != 200) {
                            failed = "HTTP " + response.statusCode() + " after "
                                + (System.nanoTime() - started) / 1_000_000 + " ms";
                        }
                        bytes = response.body().length();
                    } catch (java.io.IOException e) {
                        failed = e.toString();
                    }
                    if (i >= 2 && failed == null) {
                        histogram.recordValue((System.nanoTime() - started) / 1_000);
                    }
                }
                if (failed != null) {
                    System.out.printf("| %s | %s %s | %s | | | |%n", user.getKey(), parts[0], parts[2], failed);
                    continue;
                }
                System.out.printf("| %s | %s %s | %.1f | %.1f | %.1f | %,d |%n", user.getKey(), parts[0], parts[2],
                    ms(histogram, 50), ms(histogram, 95), histogram.getMaxValue() / 1000.0, bytes);
            }
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /** A browser as far as the console cares: cookies, redirects, forms. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final HttpClient http;
        private final String console;
        private String landing;

        private Browser(String console) {
            this.console = console;
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        }

        /**
         * The authorization-code flow with PKCE as a browser goes through it: the console sends it to the identity
         * provider, whose login form is posted with the demo password; the provider sends it back with the code, which
         * the console redeems (with its PKCE verifier) and then sends it to the role's landing page.
         */
        static Browser signIn(String console, String user) throws Exception {
            Browser browser = new Browser(console);
            HttpResponse<String> loginForm = browser.follow(browser.send(HttpRequest.newBuilder(
                URI.create(console + "/oauth2/authorization/huiyin")).GET()));
            Matcher csrf = CSRF.matcher(loginForm.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No login form at " + loginForm.uri());
            }
            String form = "username=" + enc(user) + "&password=" + enc("demo-only-" + user) + "&_csrf=" + enc(csrf.group(1));
            URI login = loginForm.uri().resolve("/login");
            HttpResponse<String> landed = browser.follow(browser.send(HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
            if (!landed.uri().toString().startsWith(console) || landed.statusCode() != 200) {
                throw new IllegalStateException(user + " did not get signed in: " + landed.statusCode() + " at "
                    + landed.uri());
            }
            browser.landing = landed.uri().getPath();
            return browser;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(console + path)).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            // As a browser: the identity provider sends only HTML clients to its login form.
            return http.send(request.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(HttpRequest.newBuilder(next).GET());
            }
            return response;
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
