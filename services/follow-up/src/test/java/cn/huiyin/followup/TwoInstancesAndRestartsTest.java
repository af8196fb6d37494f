package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALENDAR;
import static cn.huiyin.followup.FollowUpKit.STREET_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.followup.FollowUpTopic.Event;
import cn.huiyin.followup.application.SuperviseDeadlines;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.messaging.outbox.OutboxRelay;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Time-driven steps fire exactly once per (case, limit, step) with two instances of follow-up scanning one database,
 * when an instance is stopped between two steps of the ladder and another starts, and when an instance decided a step
 * but died before publishing it. The instances share a consumer group of their own and one clock.
 */
class TwoInstancesAndRestartsTest {

    private final String database = "follow-up-pair-" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = database;
    private final TestClock clock = TestClock.startingAt(TestInstants.DEFAULT);
    private final FollowUpTopic topic = FollowUpTopic.get();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @Test
    void eachStepIsIssuedOnceWithTwoInstancesAcrossARestartAndACrashBeforePublishing() throws Exception {
        ConfigurableApplicationContext a = start();
        ConfigurableApplicationContext b = start();
        FollowUpKit kit = new FollowUpKit(port(a), clock);
        kit.publishRegistry();
        List<Filed> grievances = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            grievances.add(kit.file(Lead.STREET));
        }
        for (Filed grievance : grievances) {
            kit.awaitStatus(grievance.id(), STREET_HANDLER, "ASSIGNED");
        }
        Filed first = grievances.get(0);

        // Both instances scan on their schedule, and twice more at the very same moment.
        clock.set(first.responseDueAt().plus(Duration.ofMinutes(1)));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> scan(a)), CompletableFuture.runAsync(() -> scan(b)),
            CompletableFuture.runAsync(() -> scan(a)), CompletableFuture.runAsync(() -> scan(b))).get();
        for (Filed grievance : grievances) {
            topic.await(grievance.id(), "SupervisionEscalated");
        }
        for (Filed grievance : grievances) {
            assertThat(steps(topic.settle(grievance.id(), Duration.ofMillis(300)))).as(grievance.id())
                .containsExactly("ReminderIssued REMINDER_AT_LIMIT", "DeadlineBreached", "SupervisionEscalated YELLOW");
        }

        // B goes away between two steps; A decides the red cards but dies before its relay publishes them.
        b.close();
        a.getBean(OutboxRelay.class).stop();
        Instant twiceTheLimit = CALENDAR.plusWorkingHours(first.submittedAt(), Duration.ofHours(8),
            BusinessHours.STANDARD).instant();
        clock.set(twiceTheLimit.plus(Duration.ofMinutes(5)));
        scan(a);
        assertThat(topic.settle(first.id(), Duration.ofSeconds(2)).stream().map(Event::type))
            .as("decided, not yet published").containsOnlyOnce("SupervisionEscalated");
        a.close();

        // A new instance finds the decided steps in the case files' outboxes and the due instants in the case files.
        ConfigurableApplicationContext c = start();
        for (Filed grievance : grievances) {
            topic.await(grievance.id(), "SupervisionEscalated", e -> e.get("card").asString().equals("RED"));
        }
        scan(c);
        for (Filed grievance : grievances) {
            assertThat(steps(topic.settle(grievance.id(), Duration.ofMillis(300)))).as(grievance.id())
                .containsExactly("ReminderIssued REMINDER_AT_LIMIT", "DeadlineBreached", "SupervisionEscalated YELLOW",
                    "SupervisionEscalated RED");
        }
        topic.assertAllMetTheirContracts();
        kit.close();
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private static List<String> steps(List<Event> events) {
        return events.stream().filter(e -> e.data().path("limit").path("id").asString("").equals("RESPONSE"))
            .map(e -> (e.type() + " " + e.data().path("step").asString(e.data().path("card").asString(""))).strip())
            .toList();
    }

    private static void scan(ConfigurableApplicationContext instance) {
        instance.getBean(SuperviseDeadlines.class).scan();
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    /** An instance of follow-up on the shared database, consumer group and clock. */
    private ConfigurableApplicationContext start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FollowUpApplication.class)
            .initializers(ctx -> {
                ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("two-instances", Map.of(
                    "huiyin.messaging.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                    "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
                    "spring.mongodb.uri", infrastructure.mongoUri(),
                    "spring.mongodb.database", database,
                    "spring.cloud.stream.default.group", group,
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.get().issuer(),
                    "server.port", "0",
                    "huiyin.follow-up.supervision.scan-interval", "500ms",
                    "huiyin.follow-up.intake-url", StubIntake.get().url())));
                ctx.getBeanFactory().registerSingleton("clock", clock);
            }).run();
        running.add(context);
        return context;
    }
}
