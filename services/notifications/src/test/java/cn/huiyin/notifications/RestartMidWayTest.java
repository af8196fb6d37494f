package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Stopping notifications mid-way and starting it again against the same Kafka and MongoDB sends nothing twice and
 * loses nothing: events consumed before the stop left their messages in the store (queued or sent), events published
 * while it was down are consumed after the start, and every worker gets each message once, in order.
 */
class RestartMidWayTest {

    private final String database = "notifications-restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path sinks = Path.of("target", database);
    private final TestClock clock = TestClock.startingAt(TestInstants.DEFAULT);
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();
    private final StubIntake intake = StubIntake.get();
    private final java.util.Set<String> mobiles = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Test
    void aRestartMidWaySendsNothingTwiceAndLosesNothing() {
        ConfigurableApplicationContext first = start();
        NotificationsKit kit = new NotificationsKit(0);
        List<String> before = grievances(8);
        for (String id : before) {
            kit.submitted(id, clock.instant(), false);
            kit.signedFor(id, clock.instant().plusSeconds(60));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> lines().size() >= 3);
        first.close();
        int sentBeforeStop = lines().size();
        assertThat(sentBeforeStop).as("stopped mid-way").isLessThan(16);

        List<String> whileDown = grievances(4);
        for (String id : whileDown) {
            kit.submitted(id, clock.instant(), false);
            kit.signedFor(id, clock.instant().plusSeconds(60));
        }
        start();
        List<String> all = new ArrayList<>(before);
        all.addAll(whileDown);
        await().atMost(Duration.ofSeconds(180)).until(() -> lines().size() >= all.size() * 2);
        WorkerMessagesTest.sleep(Duration.ofSeconds(3));

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(all.size() * 2);
        assertThat(lines.stream().map(l -> l.path("id").asString()).distinct().count()).isEqualTo(lines.size());
        Map<String, List<String>> byMobile = lines.stream().collect(Collectors.groupingBy(l -> l.path("to").asString(),
            Collectors.mapping(l -> l.path("text").asString(), Collectors.toList())));
        for (String id : all) {
            assertThat(byMobile.get(mobile(id))).as(id).hasSize(2).satisfiesExactly(
                accepted -> assertThat(accepted).contains("已受理"), signed -> assertThat(signed).contains("签收"));
        }
        kit.close();
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private List<String> grievances(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = NotificationsKit.newGrievanceId();
            intake.worker(id, mobile(id));
            mobiles.add(mobile(id));
            ids.add(id);
        }
        return ids;
    }

    private static String mobile(String grievanceId) {
        return "158" + grievanceId.substring(grievanceId.length() - 6) + "00";
    }

    private List<JsonNode> lines() {
        Function<String, List<JsonNode>> read = file -> {
            Path path = sinks.resolve(file);
            try {
                return java.nio.file.Files.exists(path) ? java.nio.file.Files.readAllLines(path).stream()
                    .filter(l -> !l.isBlank()).map(l -> (JsonNode) NotificationsKit.JSON.readTree(l)).toList() : List.of();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        // A new consumer group reads the topics from the beginning: other tests' grievances are texted here too.
        return read.apply("sms.log").stream().filter(l -> mobiles.contains(l.path("to").asString())).toList();
    }

    /** An instance of notifications on this test's database, consumer group, sinks and clock, delivering slowly. */
    private ConfigurableApplicationContext start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
            "huiyin.messaging.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
            "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
            "spring.mongodb.uri", infrastructure.mongoUri(),
            "spring.mongodb.database", database,
            "spring.cloud.stream.default.group", database,
            "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.get().issuer(),
            "server.port", "0",
            "huiyin.notifications.sink-directory", sinks.toString(),
            "huiyin.notifications.delivery.interval", "100ms",
            "huiyin.notifications.delivery.batch", "2"));
        properties.put("spring.mail.port", NotificationsKit.SMTP.port());
        properties.put("huiyin.notifications.intake-url", intake.url());
        properties.put("huiyin.notifications.token-url", intake.url() + "/oauth2/token");
        properties.put("huiyin.notifications.client-secret", StubIntake.CLIENT_SECRET);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationsApplication.class)
            .initializers(ctx -> {
                ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("restart", properties));
                ctx.getBeanFactory().registerSingleton("clock", clock);
            }).run();
        running.add(context);
        return context;
    }
}
