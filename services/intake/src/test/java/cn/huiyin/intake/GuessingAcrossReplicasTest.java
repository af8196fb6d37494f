package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The acceptance check of the self-service lock-out: 10,000 guesses at one grievance's query code, from 2,000 client
 * addresses, spread over two intake replicas (two application contexts sharing one database and one clock), never
 * find the code, and once the grievance is locked the right code gets exactly the answer every wrong one gets.
 */
@ServiceTest
class GuessingAcrossReplicasTest {

    private static final int GUESSES = 10_000;
    private static final int CLIENTS = 2_000;
    private static final int THREADS = 8;
    private static final Logger log = LoggerFactory.getLogger(GuessingAcrossReplicasTest.class);

    @LocalServerPort
    int port;

    @Value("${spring.mongodb.database}")
    String database;

    @Autowired
    TestClock clock;

    private ConfigurableApplicationContext secondReplica;

    @AfterEach
    void stopTheSecondReplica() {
        if (secondReplica != null) {
            secondReplica.close();
        }
    }

    @Test
    void tenThousandGuessesFromManyClientsOnTwoReplicasNeverLearnTheCodeNorTellItApart() throws Exception {
        clock.set(TestInstants.DEFAULT);
        int secondPort = startSecondReplica();
        HttpJson.Response filed = HttpJson.at(port).as(TestUser.of("window-clerk"))
            .post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM);
        String id = filed.json().get("trackingNumber").asString();
        String code = filed.json().get("queryCode").asString();
        List<Integer> ports = List.of(port, secondPort);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add("198." + (18 + i % 2) + "." + (i / 250) + "." + (1 + i % 250));
        }

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<HttpJson.Response>> wrong = new ArrayList<>();
        List<Future<HttpJson.Response>> right = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            HttpJson http = HttpJson.at(ports.get(i % 2)).withHeader("X-Forwarded-For", clients.get(i % CLIENTS));
            wrong.add(pool.submit(() -> WorkerSelfServiceTest.lookup(http, id, WorkerSelfServiceTest.otherThan(code))));
            if (i % 500 == 499) {
                // Now and then the worker tries, from wherever he is, on either replica.
                HttpJson worker = HttpJson.at(ports.get(i / 500 % 2))
                    .withHeader("X-Forwarded-For", "203.0.113." + (1 + i / 500));
                right.add(pool.submit(() -> WorkerSelfServiceTest.lookup(worker, id, code)));
            }
        }
        List<HttpJson.Response> answers = collect(wrong);
        List<HttpJson.Response> workerAnswers = collect(right);
        pool.shutdown();

        Map<Integer, Integer> statuses = new HashMap<>();
        answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
        log.info("{} guesses and {} tries with the right code over two replicas in {} s: guesses answered {}",
            GUESSES, workerAnswers.size(), (System.nanoTime() - started) / 1_000_000_000.0, statuses);
        assertThat(statuses.keySet()).as("statuses of the guesses: " + statuses).containsOnly(404, 429);
        assertThat(statuses.get(404)).as("guesses checked at all").isBetween(1, WorkerSelfServiceTest.FAILURES_PER_GRIEVANCE);
        List<HttpJson.Response> locked = answers.stream().filter(a -> a.status() == 429).toList();
        HttpJson.Response lockedAnswer = locked.get(0);
        assertThat(locked).allSatisfy(a -> {
            assertThat(a.body()).isEqualTo(lockedAnswer.body());
            assertThat(a.header("Retry-After")).isEqualTo(lockedAnswer.header("Retry-After"));
        });
        assertThat(workerAnswers).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.body()).isEqualTo(lockedAnswer.body());
            assertThat(a.header("Retry-After")).isEqualTo(lockedAnswer.header("Retry-After"));
        });
        for (int replica : ports) {
            HttpJson.Response afterwards = WorkerSelfServiceTest.lookup(HttpJson.at(replica)
                .withHeader("X-Forwarded-For", "192.0.2.77"), id, code);
            assertThat(afterwards.status()).isEqualTo(429);
            assertThat(afterwards.body()).isEqualTo(lockedAnswer.body());
        }

        clock.advance(WorkerSelfServiceTest.LOCK.plusSeconds(1));

        assertThat(WorkerSelfServiceTest.lookup(HttpJson.at(secondPort).withHeader("X-Forwarded-For", "192.0.2.78"),
            id, code).status()).as("once the lock has expired").isEqualTo(200);
    }

    private static List<HttpJson.Response> collect(List<Future<HttpJson.Response>> futures) throws Exception {
        List<HttpJson.Response> answers = new ArrayList<>();
        for (Future<HttpJson.Response> future : futures) {
            answers.add(future.get());
        }
        return Collections.unmodifiableList(answers);
    }

    /** Another intake on the same database, broker, token issuer and clock: a second replica. */
    private int startSecondReplica() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        secondReplica = new SpringApplicationBuilder(IntakeApplication.class)
            .initializers(context -> {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("second-replica", Map.of(
                    "huiyin.messaging.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                    "spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers(),
                    "spring.mongodb.uri", infrastructure.mongoUri(),
                    "spring.mongodb.database", database,
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdentityProvider.get().issuer(),
                    "server.port", "0")));
                context.getBeanFactory().registerSingleton("clock", clock);
            })
            .run();
        return ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
    }
}
