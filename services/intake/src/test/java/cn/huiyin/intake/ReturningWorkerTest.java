package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.BeforeEach;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * 回头客查询: a clerk types a returning worker's mobile and sees the worker's earlier grievances in the clerk's
 * jurisdiction, newest first, with the name the worker gave — never a query code; a confidential one is shown and
 * marked; each grievance shown is an audited read of personal data. Another district's clerk sees none; a number that
 * is no mobile is refused by field. One clerk cannot walk through the numbering plan: past the limit the look-up is
 * refused with 429 while a colleague at the same counter (the same address: the console's) is still served.
 */
@ServiceTest
class ReturningWorkerTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private final TestUser clerk = TestUser.of("window-clerk", "org-lqy-window", "510112");
    private final TestUser otherDistrictsClerk = TestUser.of("window-clerk", "org-jj-window", "510104");

    @BeforeEach
    void resetClock() {
        clock.set(TestInstants.DEFAULT);
    }

    @Test
    void theClerkSeesTheWorkersEarlierGrievancesNewestFirstAndEachReadIsAudited() {
        String mobile = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first = file(mobile, false);
        clock.advance(Duration.ofMinutes(20));
        String confidential = file(mobile, true);

        HttpJson.Response found = lookUp(clerk, mobile);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("workerName").asString()).as("masked, as clerks see names").isEqualTo("李*");
        List<JsonNode> grievances = found.json().get("grievances").valueStream().toList();
        assertThat(grievances).extracting(g -> g.get("grievanceId").asString()).containsExactly(confidential, first);
        assertThat(grievances.get(0).get("confidential").asBoolean()).isTrue();
        assertThat(grievances.get(1).get("categoryName").asString()).isNotBlank();
        assertThat(grievances.get(1).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(found.body()).doesNotContainIgnoringCase("querycode").doesNotContain("11010519491231002X").doesNotContain("李明");

        JsonNode audit = HttpJson.at(port).as(TestUser.of("supervisor"))
            .get("/api/audit?grievanceId=" + first + "&kind=PERSONAL_DATA_READ").json();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
        assertThat(audit.at("/entries/0/actor").asString()).isEqualTo(clerk.username());
        assertThat(audit.at("/entries/0/reason").asString()).contains("returning-worker");
        assertThat(audit.at("/entries/0/fields").valueStream().map(JsonNode::asString)).contains("name", "mobile");
    }

    @Test
    void anotherDistrictsClerkFindsNothingAndAMalformedNumberIsRefusedByField() {
        String mobile = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        file(mobile, false);

        HttpJson.Response elsewhere = lookUp(otherDistrictsClerk, mobile);
        HttpJson.Response malformed = lookUp(clerk, "1381234");

        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.json().get("grievances").isEmpty()).isTrue();
        assertThat(elsewhere.json().get("workerName").isNull()).isTrue();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(FilingAGrievanceTest.fields(malformed.json())).containsExactly("mobile");
    }

    @Test
    void aClerkWhoLooksUpNumberAfterNumberIsStoppedButNotTheColleagueBesideThem() {
        TestUser walker = new TestUser("walker@org-lqy-window", List.of("window-clerk"), "org-lqy-window", "510112");
        TestUser colleague = new TestUser("colleague@org-lqy-window", List.of("window-clerk"), "org-lqy-window", "510112");
        int limit = 30;

        List<Integer> statuses = java.util.stream.IntStream.range(0, limit + 1)
            .mapToObj(i -> lookUp(walker, "135" + String.format("%08d", i)).status()).toList();
        HttpJson.Response refused = lookUp(walker, "13500000099");
        HttpJson.Response colleagues = lookUp(colleague, "13500000099");

        assertThat(statuses.subList(0, limit)).containsOnly(200);
        assertThat(statuses.get(limit)).isEqualTo(429);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("请求过于频繁").doesNotContain("Exception");
        assertThat(colleagues.status()).isEqualTo(200);
    }

    private HttpJson.Response lookUp(TestUser user, String mobile) {
        return HttpJson.at(port).as(user).post("/api/grievances/by-mobile", "{\"mobile\": \"" + mobile + "\"}");
    }

    private String file(String mobile, boolean confidential) {
        String body = FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("13812341234", mobile)
            .replace("\"category\"", "\"confidential\": " + confidential + ", \"category\"");
        HttpJson.Response filed = HttpJson.at(port).as(clerk).post("/api/grievances", body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("trackingNumber").asString();
    }
}
