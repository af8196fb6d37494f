package cn.huiyin.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.huiyin.dashboard.DashboardApplication;
import cn.huiyin.intake.IntakeApplication;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import cn.huiyin.triage.TriageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The services of the loop running side by side in this JVM, as separate Spring applications with their own
 * configuration and databases, talking only through the real Kafka broker of {@link TestInfrastructure}. Started once
 * for all system tests.
 */
final class TheLoop {

    private static TheLoop instance;

    final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    final ConfigurableApplicationContext intake;
    final ConfigurableApplicationContext triage;
    final ConfigurableApplicationContext dashboard;

    private TheLoop() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        intake = start(IntakeApplication.class, "intake", run);
        triage = start(TriageApplication.class, "triage", run);
        dashboard = start(DashboardApplication.class, "dashboard", run);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> contexts.forEach(ConfigurableApplicationContext::close)));
    }

    static synchronized TheLoop get() {
        if (instance == null) {
            instance = new TheLoop();
        }
        return instance;
    }

    /**
     * Stops the shared loop, if it runs. A test that starts services of its own calls it first: services of the same
     * name share consumer groups, and the loop's would take half of the test's events into their own databases.
     */
    static synchronized void stop() {
        if (instance != null) {
            instance.contexts.forEach(ConfigurableApplicationContext::close);
            instance = null;
        }
    }

    private ConfigurableApplicationContext start(Class<?> application, String name, String run) {
        ConfigurableApplicationContext context = startService(application, infrastructure.mongoUri(),
            name + "-system-" + run);
        contexts.add(context);
        return context;
    }

    /**
     * A service as its own Spring application on the test broker, with its own database on the MongoDB server at
     * {@code mongoUri} (a fault test's proxy, or the test server itself).
     */
    static ConfigurableApplicationContext startService(Class<?> application, String mongoUri, String database,
                                                       String... moreArguments) {
        List<String> arguments = new ArrayList<>(List.of(
            "--server.port=0",
            "--huiyin.messaging.bootstrap-servers=" + TestInfrastructure.get().kafkaBootstrapServers(),
            "--huiyin.mongodb.uri=" + mongoUri,
            "--spring.mongodb.database=" + database,
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.get().issuer()));
        arguments.addAll(List.of(moreArguments));
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }

    /** The service's API as a user with {@code role} (kebab case, as tokens carry it) for the whole city. */
    static HttpJson http(ConfigurableApplicationContext context, String role) {
        return HttpJson.at(((WebServerApplicationContext) context).getWebServer().getPort()).as(TestUser.of(role));
    }

    static MongoTemplate mongo(ConfigurableApplicationContext context) {
        return context.getBean(MongoTemplate.class);
    }
}
