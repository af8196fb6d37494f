package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The loop's six services share one JVM on {@code ./huiyin up} (ADR 0035). Killed with SIGKILL right after intake
 * acknowledged a grievance, the JVM is started again by the launcher, and the grievance is triaged and assigned, once.
 */
class SharedJvmCrashTest {

    @Test
    void aGrievanceAcknowledgedJustBeforeTheServicesJvmIsKilledIsAssignedOnceTheJvmIsBack() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shared-jvm-crash-");
        try (StackProcess stack = new StackProcess(data)) {
            stack.start();
            HttpJson intake = new HttpJson(stack.url("intake")).withToken(token(stack, "window-clerk"));
            HttpJson triage = new HttpJson(stack.url("triage")).withToken(token(stack, "triage-officer"));
            ProcessHandle services = sharedJvm(data);

            HttpJson.Response filed = intake.post("/api/grievances", ThinPathTest.readExample());
            assertThat(filed.status()).isEqualTo(201);
            services.destroyForcibly();
            assertThat(services.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            String id = filed.json().get("trackingNumber").asString();

            JsonNode triaged = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> triage.get("/api/grievances/" + id), r -> r.status() == 200).json();
            assertThat(triaged.get("state").asString()).isEqualTo("ASSIGNED");
            assertThat(triaged.get("history").findValuesAsString("action")).containsOnlyOnce("TRIAGED");
            assertThat(intake.get("/api/grievances/" + id).status()).isEqualTo(200);
            assertThat(sharedJvm(data).pid()).as("a new JVM").isNotEqualTo(services.pid());
            assertThat(Files.readString(data.resolve("launcher.out"))).contains("services (pid " + services.pid() + ") exited");
        }
    }

    /** The JVM of the six services, from the pids the launcher keeps. */
    private static ProcessHandle sharedJvm(Path data) throws IOException {
        List<String> pids = Files.readAllLines(data.resolve("stack.pids"));
        return pids.stream().filter(line -> !line.isBlank()).map(line -> ProcessHandle.of(Long.parseLong(line.strip())))
            .flatMap(java.util.Optional::stream)
            .filter(p -> p.info().commandLine().map(c -> c.contains(SharedJvm.HOST_CLASS)).orElse(false))
            .findFirst().orElseThrow(() -> new AssertionError("no shared JVM among " + pids));
    }

    /** A demo user's access token from the stack's own identity provider (what {@code ./huiyin token} does). */
    private static String token(StackProcess stack, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.url("identity") + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=huiyin-cli&username=" + user
                + "&password=demo-only-" + user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpJson.parse(response.body()).get("access_token").asString();
    }
}
