package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.huiyin.followup.FollowUpApplication;
import cn.huiyin.intake.IntakeApplication;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import cn.huiyin.triage.TriageApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The loop as its users walk it, through the public APIs of three services that meet only on the broker: a clerk files
 * the rider's refused claim, triage routes it, the committee signs for it, follows it up and resolves it with the
 * remedy, the callback centre hears the worker satisfied, and the worker's self-service tells each stage to closure.
 */
class WholeLoopTest {

    private static final TestUser COMMITTEE_HANDLER = TestUser.of("org-handler", "org-committee-online-delivery", "510100");

    private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

    /** Alone on the broker: the shared loop's services would share this test's consumer groups. */
    @BeforeAll
    static void withoutTheSharedLoop() {
        TheLoop.stop();
    }

    @AfterEach
    void stop() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theRidersRefusedClaimRunsFromTheWindowToASatisfiedCallbackAndTheWorkerHearsOfEachStage() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int intakePort = start(IntakeApplication.class, "intake-loop-" + run);
        int triagePort = start(TriageApplication.class, "triage-loop-" + run);
        int followUpPort = start(FollowUpApplication.class, "follow-up-loop-" + run,
            "--huiyin.follow-up.intake-url=http://127.0.0.1:" + intakePort);
        HttpJson handlerAtTriage = HttpJson.at(triagePort).as(COMMITTEE_HANDLER);
        HttpJson handler = HttpJson.at(followUpPort).as(COMMITTEE_HANDLER);

        JsonNode receipt = HttpJson.at(intakePort).as(TestUser.of("window-clerk")).post("/api/grievances",
            ThinPathTest.GRIEVANCE).json();
        String id = receipt.get("trackingNumber").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> handlerAtTriage.get("/api/grievances/" + id).status() == 200);
        assertThat(handlerAtTriage.post("/api/grievances/" + id + "/accept", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.get("/api/cases/" + id), r -> r.status() == 200
            && "SIGNED_FOR".equals(r.json().get("status").asString()));

        assertThat(handler.post("/api/cases/" + id + "/first-contact", "{\"channel\": \"PHONE\"}").status()).isEqualTo(200);
        HttpJson.Response resolved = handler.post("/api/cases/" + id + "/resolution", """
            {"kind": "RESOLVED", "explanation": "保险公司已同意理赔。",
             "remedy": {"moneyRecoveredYuan": 8260.00, "claimPaid": true}}""");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        HttpJson.Response calledBack = HttpJson.at(followUpPort).as(TestUser.of("callback-agent"))
            .post("/api/callbacks/" + id + "/attempts", """
                {"outcome": "REACHED", "solved": "YES", "satisfaction": "SATISFIED"}""");
        assertThat(calledBack.status()).as(calledBack.body()).isEqualTo(200);

        JsonNode closedCase = await().atMost(Duration.ofSeconds(30)).until(() -> handler.get("/api/cases/" + id).json(),
            c -> "CLOSED".equals(c.get("status").asString()));
        HttpJson worker = HttpJson.at(intakePort).withHeader("X-Forwarded-For", "203.0.113.61");
        JsonNode told = await().atMost(Duration.ofSeconds(30)).until(() -> worker.post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"queryCode\": \"" + receipt.get("queryCode").asString() + "\"}").json(),
            p -> "CLOSED".equals(p.get("status").asString()));

        assertThat(closedCase.toString()).contains("RESOLVED_AND_SATISFIED");
        assertThat(told.get("history").valueStream().map(h -> h.get("noteZh").asString()).toList())
            .containsSubsequence("已分派至 市网约配送行业党委 办理", "市网约配送行业党委 已签收，正在办理",
                "市网约配送行业党委 已与您联系",
                "已办理：已解决（追回 8260.00 元，已理赔）。说明：保险公司已同意理赔。回访人员将向您了解办理结果",
                "已回访", "已办结：已解决，您表示满意");
    }

    private int start(Class<?> application, String database, String... arguments) {
        ConfigurableApplicationContext context = TheLoop.startService(application,
            TestInfrastructure.get().mongoUri(), database, arguments);
        contexts.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
