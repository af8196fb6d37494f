package cn.huiyin.platform.test;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context at the {@link TestInfrastructure}: the outbox relay and health check, the
 * Spring Cloud Stream binder, a MongoDB database of its own (so test contexts never see each other's data), and the
 * {@link TestIdentityProvider} as the issuer of access tokens; and a {@link TestClock} as the application's clock.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("huiyin-test-infrastructure", Map.of(
            "huiyin.messaging.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
            "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
            "spring.mongodb.uri", infrastructure.mongoUri(),
            "spring.mongodb.database", service + "-test-" + UUID.randomUUID().toString().substring(0, 8),
            "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.get().issuer())));
        // The platform's system clock steps aside for a clock the test controls (TestClock, TestInstants.DEFAULT).
        context.getBeanFactory().registerSingleton("clock", TestClock.startingAt(TestInstants.DEFAULT));
    }
}
