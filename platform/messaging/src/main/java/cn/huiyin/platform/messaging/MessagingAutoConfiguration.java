package cn.huiyin.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import cn.huiyin.platform.messaging.inbound.DeadLetterHealthIndicator;
import cn.huiyin.platform.messaging.inbound.DeadLetters;
import cn.huiyin.platform.messaging.inbound.IdempotentConsumer;
import cn.huiyin.platform.messaging.inbound.InboundErrorHandling;
import cn.huiyin.platform.messaging.inbound.InboundFailures;
import cn.huiyin.platform.messaging.inbound.ParkedEvents;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.platform.messaging.kafka.KafkaHealthIndicator;
import cn.huiyin.platform.messaging.lease.Leases;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.OutboxMarkers;
import cn.huiyin.platform.messaging.outbox.OutboxProperties;
import cn.huiyin.platform.messaging.outbox.OutboxRelay;
import cn.huiyin.platform.messaging.outbox.StateChangeAudit;
import cn.huiyin.platform.messaging.outbox.TopicProvisioner;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Wires the messaging mechanisms into a service: idempotent consumption, and the aggregate store with its outbox
 * relay. A service declares what it publishes in an {@link EventCatalog} bean; one that publishes nothing yet gets an
 * empty catalog, and its relay simply has nothing to do.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
    "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration"})
@EnableConfigurationProperties({MessagingProperties.class, OutboxProperties.class})
public class MessagingAutoConfiguration {

    /** Used when no {@code resilience4j.circuitbreaker.instances.kafka-publisher} is configured. */
    public static final CircuitBreakerConfig PUBLISHER_DEFAULTS = CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(4)
        .minimumNumberOfCalls(2)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(3))
        .permittedNumberOfCallsInHalfOpenState(1)
        .build();

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean(destroyMethod = "close")
    Admin huiyinKafkaAdmin(MessagingProperties properties) {
        return Admin.create(properties.clientConfig(Map.of(
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
            AdminClientConfig.CLIENT_ID_CONFIG, properties.source().replace('/', '-') + "-admin")));
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(Admin huiyinKafkaAdmin, ObjectProvider<OutboxRelay> relay,
                                              MessagingProperties properties) {
        return new KafkaHealthIndicator(huiyinKafkaAdmin, relay.getIfAvailable(), properties.healthTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(MongoTemplate mongo, Clock clock, MessagingProperties properties) {
        return new IdempotentConsumer(mongo, clock, properties.claimLease());
    }

    @Bean
    @ConditionalOnMissingBean
    ParkedEvents parkedEvents(MongoTemplate mongo, Clock clock, ObjectProvider<MeterRegistry> meters,
                              MessagingProperties properties) {
        ParkedEvents parked = new ParkedEvents(mongo, clock, properties.parkedCheckInterval());
        Gauge.builder("huiyin.dead.letters.parked", parked, ParkedEvents::count)
            .description("Grievances whose events wait in a dead-letter topic").register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return parked;
    }

    @Bean
    @ConditionalOnMissingBean
    InboundEvents inboundEvents(EventJson json, IdempotentConsumer idempotentConsumer, ParkedEvents parkedEvents,
                                ObjectProvider<MeterRegistry> meters) {
        return new InboundEvents(json, idempotentConsumer, parkedEvents, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    Leases leases(MongoTemplate mongo, Clock clock) {
        return new Leases(mongo, clock);
    }

    @Bean("deadLetters")
    DeadLetterHealthIndicator deadLetterHealthIndicator(ParkedEvents parkedEvents) {
        return new DeadLetterHealthIndicator(parkedEvents);
    }

    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> deadLetterProducer(MessagingProperties properties) {
        return new KafkaProducer<>(properties.clientConfig(Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000,
            ProducerConfig.CLIENT_ID_CONFIG, properties.source().replace('/', '-') + "-dead-letters")),
            new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Bean
    DeadLetters inboundDeadLetters(Producer<byte[], byte[]> deadLetterProducer, Admin huiyinKafkaAdmin,
                            ParkedEvents parkedEvents, Clock clock) {
        return new DeadLetters(deadLetterProducer, huiyinKafkaAdmin, parkedEvents, clock, Duration.ofSeconds(15));
    }

    @Bean
    InboundErrorHandling inboundErrorHandling(MessagingProperties properties, DeadLetters inboundDeadLetters,
                                              ParkedEvents parkedEvents) {
        return new InboundErrorHandling(new InboundFailures(properties.retryMaxBackoff(), properties.retryLaterLimit()),
            inboundDeadLetters, properties.commitInterval(), parkedEvents);
    }

    /** The binder's consumers and dead-letter producers get the same client settings as the platform's own clients. */
    @Bean
    static BeanPostProcessor binderClientSettings(ObjectProvider<MessagingProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaBinderConfigurationProperties binder) {
                    properties.getObject().client().forEach(binder.getConfiguration()::putIfAbsent);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EventCatalog emptyEventCatalog() {
        return EventCatalog.builder().build();
    }

    @Configuration(proxyBeanMethods = false)
    static class OutboxConfiguration {

        @Bean
        OutboxMarkers outboxMarkers(MongoTemplate mongo, Clock clock, OutboxProperties outbox) {
            // Claims between instances run on the host's clock: they measure real time between processes (ADR 0037).
            return new OutboxMarkers(mongo, clock, Clock.systemUTC(), outbox.claim());
        }

        @Bean
        StateChangeAudit stateChangeAudit(MongoTemplate mongo) {
            return new StateChangeAudit(mongo);
        }

        @Bean(destroyMethod = "")
        Producer<String, byte[]> outboxProducer(MessagingProperties properties, OutboxProperties outbox) {
            return new KafkaProducer<>(properties.clientConfig(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                // The relay flushes every wave it sends: until then the producer waits, so the events of one aggregate
                // for one partition share one batch, appended whole or not at all (ADR 0036). Nothing else sends here.
                ProducerConfig.LINGER_MS_CONFIG, 100,
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                // Events are JSON kept for ever (rebuilds read them): lz4 makes them ~1.4x smaller at no CPU cost the
                // loop shows; zstd (1.5x) cost ~20 % more CPU per grievance, a context set up for every small batch (ADR 0034).
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) outbox.sendTimeout().toMillis() - 1000,
                ProducerConfig.CLIENT_ID_CONFIG, properties.source().replace('/', '-') + "-outbox")),
                new StringSerializer(), new ByteArraySerializer());
        }

        @Bean
        TopicProvisioner topicProvisioner(Admin huiyinKafkaAdmin, EventCatalog catalog, OutboxProperties outbox) {
            return new TopicProvisioner(huiyinKafkaAdmin,
                catalog.entries().stream().map(EventCatalog.Entry::topic).distinct().toList(),
                outbox.partitions(), outbox.replicationFactor());
        }

        @Bean
        OutboxRelay outboxRelay(MongoTemplate mongo, OutboxMarkers markers, StateChangeAudit audit,
                                Producer<String, byte[]> outboxProducer,
                                TopicProvisioner topics, ObjectProvider<CircuitBreakerRegistry> breakers,
                                OutboxProperties outbox, ObjectProvider<MeterRegistry> meters, Clock clock) {
            CircuitBreakerRegistry registry = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
            CircuitBreaker breaker = registry.find("kafka-publisher")
                .orElseGet(() -> registry.circuitBreaker("kafka-publisher", PUBLISHER_DEFAULTS));
            return new OutboxRelay(mongo, markers, audit, outboxProducer, topics, breaker, outbox,
                meters.getIfAvailable(SimpleMeterRegistry::new), clock);
        }

        @Bean
        AggregateStore aggregateStore(MongoTemplate mongo, EventCatalog catalog, EventJson json, OutboxMarkers markers,
                                      OutboxRelay relay, MessagingProperties properties, Clock clock,
                                      ObjectProvider<ActorProvider> actor) {
            ActorProvider who = actor.getIfAvailable(() -> () -> "system");
            return new AggregateStore(mongo, catalog, json, markers, relay, properties.source(), clock, who::actor);
        }
    }
}
