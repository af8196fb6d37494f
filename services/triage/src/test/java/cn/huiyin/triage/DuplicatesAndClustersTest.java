package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Probable duplicates for a person to merge or keep; clusters that ask for a joint review. */
@ServiceTest
class DuplicatesAndClustersTest extends TriageScenario {

    @Test
    void theSameRiderCallingAgainAboutTheSameClaimIsAProbableDuplicateThatAnOfficerMerges() {
        String rider = TriageTestKit.newWorkerRef();
        Instant first = clock.instant().minus(Duration.ofDays(2));
        String original = kit.submitAndAwait(grievance().worker(rider).submittedAt(first)).get("grievanceId").asString();
        JsonNode again = kit.submitAndAwait(grievance().worker(rider).description("骑手再次来电询问理赔进展。"));
        String repeated = again.get("grievanceId").asString();

        assertThat(again.at("/duplicates/probableDuplicateOf").valueStream().map(JsonNode::asString)).containsExactly(original);
        assertThat(again.at("/duplicates/decision").asString()).isEqualTo("OPEN");
        assertThat(again.get("state").asString()).as("still routed at once; a person decides").isEqualTo("ASSIGNED");
        JsonNode flagged = kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances?flag=DUPLICATE&size=100").json();
        assertThat(flagged.get("cases").valueStream().map(c -> c.get("grievanceId").asString())).contains(repeated);

        HttpJson.Response merged = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + repeated + "/merge",
            "{\"into\": \"" + original + "\", \"reason\": \"同一骑手就同一次摔伤理赔再次来电，合并办理\"}");

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("state").asString()).isEqualTo("MERGED");
        assertThat(merged.json().get("mergedInto").asString()).isEqualTo(original);
        assertThat(merged.json().at("/duplicates/decision").asString()).isEqualTo("MERGED");
        JsonNode survivor = kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + original).json();
        assertThat(survivor.get("history").valueStream().map(h -> h.get("action").asString())).contains("MERGED_IN");
        assertThat(kit.as(COMMITTEE_HANDLER).get("/api/inbox?size=100").json().get("items").valueStream()
            .map(i -> i.get("grievanceId").asString())).doesNotContain(repeated);
        JsonNode event = TriageTestKit.event(repeated, "GrievanceMerged");
        assertThat(event.get("mergedInto").asString()).isEqualTo(original);
        HttpJson.Response mergeAgain = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + repeated + "/merge",
            "{\"into\": \"" + original + "\", \"reason\": \"再合并一次\"}");
        assertThat(mergeAgain.status()).isEqualTo(409);
        assertThat(mergeAgain.json().get("code").asString()).isEqualTo("case.closed");
    }

    @Test
    void twoWorkersGrievancesAreNeverMergedIntoOne() {
        String one = kit.submitAndAwait(grievance()).get("grievanceId").asString();
        String other = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        HttpJson.Response merged = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + other + "/merge",
            "{\"into\": \"" + one + "\", \"reason\": \"同一事故\"}");

        assertThat(merged.status()).isEqualTo(409);
        assertThat(merged.json().get("code").asString()).isEqualTo("merge.other-worker");
        assertThat(kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + other).json().get("state").asString())
            .isEqualTo("ASSIGNED");
    }

    @Test
    void anOfficerKeepsASecondMatterSeparateAndOnlyOnce() {
        String rider = TriageTestKit.newWorkerRef();
        kit.submitAndAwait(grievance().worker(rider).submittedAt(clock.instant().minus(Duration.ofDays(6))));
        String second = kit.submitAndAwait(grievance().worker(rider).description("另一次送餐途中被车撞伤，保险同样拒赔。"))
            .get("grievanceId").asString();

        JsonNode kept = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + second + "/keep-separate",
            "{\"reason\": \"两次事故，分别办理\"}").json();
        HttpJson.Response again = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + second + "/keep-separate",
            "{\"reason\": \"再确认\"}");

        assertThat(kept.at("/duplicates/decision").asString()).isEqualTo("KEPT_SEPARATE");
        assertThat(kept.at("/duplicates/decidedBy").asString()).isEqualTo("triage-officer@org-city-swb");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("duplicates.none-open");
    }

    @Test
    void aGrievanceOfTheSameWorkerAfterAWeekOrOfAnotherCategoryIsNotADuplicate() {
        String rider = TriageTestKit.newWorkerRef();
        kit.submitAndAwait(grievance().worker(rider).submittedAt(clock.instant().minus(Duration.ofDays(8))));

        JsonNode later = kit.submitAndAwait(grievance().worker(rider));
        JsonNode otherCategory = kit.submitAndAwait(grievance().worker(rider).category("WAGES").description("工资被克扣"));

        assertThat(later.get("duplicates").isNull()).isTrue();
        assertThat(otherCategory.get("duplicates").isNull()).isTrue();
    }

    @Test
    void threeWageComplaintsAgainstOneFirmInAWeekFormAClusterThatAsksForAJointReview() {
        String firm = "测试物流" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "有限公司";
        Instant now = clock.instant();
        String first = kit.submitAndAwait(grievance().category("WAGES").employer(firm).place("510104002")
            .description("工资被克扣").submittedAt(now.minus(Duration.ofDays(5)))).get("grievanceId").asString();
        String second = kit.submitAndAwait(grievance().category("WAGES").employer(firm).place("510105001")
            .description("工资拖欠").submittedAt(now.minus(Duration.ofDays(2)))).get("grievanceId").asString();
        JsonNode third = kit.submitAndAwait(grievance().category("WAGES").employer(firm).place("510106003")
            .description("跑单费没结算"));

        assertThat(third.get("clusters")).hasSize(1);
        JsonNode cluster = third.get("clusters").get(0);
        assertThat(cluster.get("kind").asString()).isEqualTo("ENTERPRISE");
        assertThat(cluster.get("clusterId").asString()).isEqualTo("CL-E-" + first);
        assertThat(cluster.get("memberIds").valueStream().map(JsonNode::asString))
            .containsExactly(first, second, third.get("grievanceId").asString());
        assertThat(cluster.get("formedHere").asBoolean()).isTrue();
        assertThat(cluster.get("label").asString()).contains(firm, "工资报酬");
        JsonNode request = TriageTestKit.event(third.get("grievanceId").asString(), "JointReviewRequested");
        assertThat(request.at("/reasons/0/id").asString()).isEqualTo("cluster/ENTERPRISE");
        assertThat(request.at("/clusters/0/memberIds").size()).isEqualTo(3);

        JsonNode fourth = kit.submitAndAwait(grievance().category("WAGES").employer(firm).place("510107001")
            .description("工资被拖欠"));
        assertThat(fourth.at("/clusters/0/clusterId").asString()).isEqualTo("CL-E-" + first);
        assertThat(fourth.at("/clusters/0/formedHere").asBoolean()).isFalse();
        JsonNode firstNow = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + first).json(), c -> c.get("clusters").size() == 1);
        assertThat(firstNow.at("/clusters/0/clusterId").asString()).as("filed before the cluster formed, and in it")
            .isEqualTo("CL-E-" + first);
        JsonNode thirdNow = kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + third.get("grievanceId").asString()).json();
        assertThat(thirdNow.at("/clusters/0/memberCount").asInt()).as("the cluster as it stands now").isEqualTo(4);
    }

    @Test
    void sevenCallsOfOneWorkerAndOneOtherAreNoClusterButAThirdWorkerMakesOne() {
        String firm = "测试劳务" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "有限公司";
        String persistent = TriageTestKit.newWorkerRef();
        Instant start = clock.instant().minus(Duration.ofDays(3));
        List<String> filed = new ArrayList<>();
        for (int call = 0; call < 7; call++) {
            filed.add(kit.submitAndAwait(grievance().category("WAGES").employer(firm).worker(persistent).place("510117003")
                .description("工资被拖欠，第 " + (call + 1) + " 次来电").submittedAt(start.plus(Duration.ofHours(call))))
                .get("grievanceId").asString());
        }
        JsonNode other = kit.submitAndAwait(grievance().category("WAGES").employer(firm).place("510115002")
            .description("工资也被拖欠")
            .submittedAt(start.plus(Duration.ofHours(8))));

        assertThat(other.get("clusters")).as("two workers, however often one of them calls").isEmpty();
        assertThat(kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + filed.get(6)).json().get("clusters")).isEmpty();

        JsonNode third = kit.submitAndAwait(grievance().category("WAGES").employer(firm).place("510116004")
            .description("同样被拖欠工资"));

        assertThat(third.get("clusters")).hasSize(1);
        assertThat(third.at("/clusters/0/kind").asString()).isEqualTo("ENTERPRISE");
        assertThat(third.at("/clusters/0/workerCount").asInt()).isEqualTo(3);
        assertThat(third.at("/clusters/0/memberIds").size()).as("every filing is a member").isEqualTo(9);
        assertThat(third.at("/clusters/0/formedHere").asBoolean()).isTrue();
    }

    @Test
    void ridersWhoCannotParkAtAMallFormAClusterOfThePlaceButNotOneAgainstTheirPlatform() {
        Instant at = isolated();
        List<JsonNode> filed = new ArrayList<>();
        for (int rider = 0; rider < 3; rider++) {
            filed.add(kit.submitAndAwait(grievance().category("PARKING_ACCESS").employer("美团").place("510112003")
                .description("商场不让骑手停电动车，进门取餐也被保安拦").submittedAt(at.plus(Duration.ofHours(rider)))));
        }

        JsonNode third = filed.get(2);
        assertThat(third.get("clusters").valueStream().map(c -> c.get("kind").asString())).containsExactly("PLACE");
        assertThat(third.at("/clusters/0/label").asString()).contains("十陵街道");
    }

    @Test
    void anUnlistedFirmFormsNoEnterpriseClusterForAPlaceMatterEither() {
        String firm = "测试配送" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "有限公司";
        Instant at = isolated();
        JsonNode last = null;
        for (int rider = 0; rider < 3; rider++) {
            last = kit.submitAndAwait(grievance().category("STATIONS_FACILITIES").employer(firm).place("510117002")
                .description("附近没有可以休息喝水的驿站").submittedAt(at.plus(Duration.ofHours(rider))));
        }

        assertThat(last.get("clusters").valueStream().map(c -> c.get("kind").asString())).containsExactly("PLACE");
    }

    @Test
    void wageArrearsOfThreeUnrelatedFirmsInOneStreetAreNoClusterOfTheStreet() {
        Instant at = isolated();
        JsonNode last = null;
        for (int firm = 0; firm < 3; firm++) {
            last = kit.submitAndAwait(grievance().category("WAGES").place("510114003")
                .employer("测试餐饮" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "店")
                .description("老板拖欠工资").submittedAt(at.plus(Duration.ofHours(firm))));
        }

        assertThat(last.get("clusters")).isEmpty();
    }

    /**
     * A Wednesday morning far from every other test's grievances, so that the lists of a street hold only this test's
     * filings within the cluster window.
     */
    static Instant isolated() {
        int weeks = ThreadLocalRandom.current().nextInt(0, 52 * 4);
        return TriageTestKit.beijing(2030, 1, 2, 10, 0).plus(Duration.ofDays(7L * weeks));
    }
}
