package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher supervises its services: one killed with SIGKILL is reported at once and is back (ready) shortly after;
 * one that cannot start is given up after a few attempts with a message saying so and the end of its log.
 */
class SupervisorTest {

    @TempDir
    Path dir;

    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final AtomicInteger restarts = new AtomicInteger();
    private ServiceProcess service;
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (service != null) {
            service.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aServiceKilledWithSigkillIsReportedAtOnceAndIsBackSoonAfter() throws Exception {
        service = fake("intake", "serve");
        service.start();
        await().atMost(Duration.ofSeconds(60)).until(service::isReady);
        supervisor = new Supervisor(Supervisor.Policy.DEFAULT, reported::add, restarts::incrementAndGet);
        supervisor.watch(service);
        long killed = service.pid();

        long start = System.nanoTime();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> reported.stream().anyMatch(m -> m.contains("is back")));
        System.out.printf("Supervisor: a killed service was back %.1f s after SIGKILL; it said %s%n",
            (System.nanoTime() - start) / 1e9, reported);
        assertThat(reported.get(0)).startsWith("intake (pid " + killed + ") exited with code 137")
            .contains("restarting it in 1.0 s (attempt 1)");
        assertThat(reported.get(1)).startsWith("intake is back (pid " + service.pid() + "), ready at " + service.url());
        assertThat(service.pid()).isNotEqualTo(killed);
        assertThat(service.isReady()).isTrue();
        assertThat(restarts).hasValue(1);
    }

    @Test
    void aServiceThatKeepsFailingAtStartIsGivenUpWithItsLog() throws Exception {
        service = fake("triage", "fail");
        service.start();
        supervisor = new Supervisor(new Supervisor.Policy(Duration.ofMillis(20), Duration.ofMillis(80), 3,
            Duration.ofSeconds(60), Duration.ofSeconds(30)), reported::add, restarts::incrementAndGet);
        supervisor.watch(service);

        await().atMost(Duration.ofSeconds(60)).until(() -> reported.stream().anyMatch(m -> m.contains("not restarting")));
        Thread.sleep(500);

        assertThat(restarts).as("two restarts, then the third exit gives up").hasValue(2);
        assertThat(reported.get(0)).contains("exited with code 3").contains("restarting it in 0.0 s (attempt 1)");
        assertThat(reported.get(1)).contains("restarting it in 0.0 s (attempt 2)");
        assertThat(reported.get(2)).contains("failed 3 times in a row within 60.0 s of starting: not restarting it");
        assertThat(reported).anyMatch(line -> line.contains("fake service: cannot start (as told)"));
        assertThat(service.isAlive()).isFalse();
    }

    private ServiceProcess fake(String name, String mode) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return new ServiceProcess(name, port, dir.resolve(name + ".log"), List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), FakeService.class.getName(), Integer.toString(port), mode));
    }
}
