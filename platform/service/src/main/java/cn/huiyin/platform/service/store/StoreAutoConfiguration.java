package cn.huiyin.platform.service.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Every MongoDB call of a service is bounded in time ({@link StoreTimeouts}), and readiness asks the store with a short
 * timeout of its own ({@link StoreHealthIndicator}), so a hung store degrades a service instead of wedging it.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties(StoreTimeouts.class)
public class StoreAutoConfiguration {

    /** Runs after Spring Boot's own customizer (which applies the connection string), so these settings hold. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer storeTimeouts(StoreTimeouts timeouts) {
        return settings -> settings
            .applyToSocketSettings(socket -> socket
                .connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout((int) timeouts.operation().toMillis(), TimeUnit.MILLISECONDS))
            .applyToClusterSettings(cluster -> cluster
                .serverSelectionTimeout(timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
            .timeout(timeouts.operation().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Replaces Spring Boot's "mongo" indicator, which waits as long as any operation may. */
    @Bean
    StoreHealthIndicator mongoHealthIndicator(MongoClient client, StoreTimeouts timeouts,
                                              @Value("${spring.mongodb.database:test}") String database) {
        return new StoreHealthIndicator(client, database, timeouts.health());
    }
}
