package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.ADMIN;
import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.DISTRICT_SUPERVISOR;
import static cn.huiyin.triage.TriageTestKit.DISTRICT_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.ENTERPRISE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.HRSS_LIAISON;
import static cn.huiyin.triage.TriageTestKit.STREET_HANDLER;
import static cn.huiyin.triage.TriageTestKit.beijing;
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
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's inbox, paged and sorted by deadline, and who may see what: a handler its own organisation's
 * cases, a supervisor also those below it, a triage officer those in the jurisdiction; everyone else gets 403.
 */
@ServiceTest
class InboxAndReachTest extends TriageScenario {

    @ParameterizedTest(name = "at {0}")
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void anEnterpriseInboxIsPagedAndSortedByDeadlineWithOverdueAndReturnedViews(Instant instant) {
        clock.set(instant);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String firm = "org-ent-inbox-" + suffix;
        String firmName = "闪送测试" + suffix;
        HttpJson.Response created = kit.as(ADMIN).put("/api/organisations/" + firm, """
            {"name": "%s党支部", "type": "ENTERPRISE", "parentId": "org-committee-online-delivery",
             "jurisdiction": ["510100"], "competences": ["PLATFORM_RULES", "WAGES", "OTHER"], "aliases": ["%s"]}
            """.formatted(firmName, firmName));
        assertThat(created.status()).isEqualTo(201);
        TestUser firmHandler = TestUser.of("org-handler", firm, "510100");
        Instant now = clock.instant();
        List<String> filed = new ArrayList<>();
        // Ten days back is overdue to accept at any instant (more than the limit's working hours even across a
        // holiday week); filed now is not.
        for (Instant at : List.of(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(300)), now,
            now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(100)))) {
            filed.add(kit.submit(grievance().category("PLATFORM_RULES").employer(firmName)
                .description("平台超时罚款不合理，申诉无回应。").submittedAt(at)));
        }
        filed.forEach(id -> kit.awaitCase(id, firmHandler));
        kit.awaitInbox(firmHandler, "/api/inbox?view=ASSIGNED", inbox -> inbox.get("total").asLong() >= filed.size());

        JsonNode page0 = kit.as(firmHandler).get("/api/inbox?view=ASSIGNED&size=2").json();
        JsonNode page1 = kit.as(firmHandler).get("/api/inbox?view=ASSIGNED&size=2&page=1").json();
        JsonNode page2 = kit.as(firmHandler).get("/api/inbox?view=ASSIGNED&size=2&page=2").json();

        assertThat(page0.get("total").asLong()).isEqualTo(5);
        assertThat(page0.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page0.at("/organisation/id").asString()).isEqualTo(firm);
        List<String> order = new ArrayList<>();
        for (JsonNode page : List.of(page0, page1, page2)) {
            page.get("items").forEach(item -> order.add(item.get("grievanceId").asString()));
        }
        assertThat(order).containsExactly(filed.get(1), filed.get(4), filed.get(3), filed.get(0), filed.get(2));
        List<Instant> due = new ArrayList<>();
        for (JsonNode page : List.of(page0, page1, page2)) {
            page.get("items").forEach(item -> due.add(Instant.parse(item.get("dueAt").asString())));
        }
        assertThat(due).isSorted();
        assertThat(page0.at("/items/0/status").asString()).isEqualTo("PENDING");
        assertThat(page0.at("/items/0/categoryName").asString()).isEqualTo("平台规则与算法（罚款、封号、派单）");

        JsonNode overdue = kit.as(firmHandler).get("/api/inbox?view=OVERDUE").json();
        assertThat(overdue.get("items").valueStream().map(i -> i.get("grievanceId").asString()))
            .containsExactly(filed.get(1), filed.get(4), filed.get(3), filed.get(0));
        assertThat(overdue.get("items").valueStream().allMatch(i -> i.get("overdueToAccept").asBoolean())).isTrue();
        assertThat(overdue.at("/counts/OVERDUE").asLong()).isEqualTo(4);

        HttpJson.Response returned = kit.as(firmHandler).post("/api/grievances/" + filed.get(2) + "/return",
            "{\"reason\": \"NOT_OUR_COMPETENCE\", \"explanation\": \"罚款规则由总部制定，本地党支部无权调整\"}");
        assertThat(returned.status()).isEqualTo(200);
        JsonNode returnedView = kit.as(firmHandler).get("/api/inbox?view=RETURNED").json();
        assertThat(returnedView.at("/items/0/grievanceId").asString()).isEqualTo(filed.get(2));
        assertThat(returnedView.at("/items/0/currentLead/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(kit.as(firmHandler).get("/api/inbox?view=ASSIGNED").json().get("total").asLong()).isEqualTo(4);
        assertThat(kit.as(COMMITTEE_HANDLER).get("/api/inbox?view=PENDING&size=100").json().get("items").valueStream()
            .map(i -> i.get("grievanceId").asString())).contains(filed.get(2));
    }

    @Test
    void aCoHandlingDepartmentSeesTheCaseInItsInboxAndCanReadIt() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        JsonNode inbox = kit.awaitInbox(HRSS_LIAISON, "/api/inbox?view=CO_HANDLING&size=100", page ->
            page.get("items").valueStream().anyMatch(i -> id.equals(i.get("grievanceId").asString())));

        assertThat(inbox.get("items").valueStream().map(i -> i.get("grievanceId").asString())).contains(id);
        assertThat(kit.as(HRSS_LIAISON).get("/api/grievances/" + id).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationsCaseOrInboxIsForbidden() {
        String committeeCase = kit.submitAndAwait(grievance().employer("某劳务外包公司")).get("grievanceId").asString();

        HttpJson.Response streetReadsCase = kit.as(STREET_HANDLER).get("/api/grievances/" + committeeCase);
        HttpJson.Response enterpriseReadsCommitteeInbox = kit.as(ENTERPRISE_HANDLER)
            .get("/api/organisations/org-committee-online-delivery/inbox");
        HttpJson.Response streetReadsOtherStreet = kit.as(STREET_HANDLER).get("/api/organisations/org-street-longquan/inbox");

        assertThat(streetReadsCase.status()).isEqualTo(403);
        assertThat(streetReadsCase.header("Content-Type")).startsWith("application/problem+json");
        assertThat(streetReadsCase.json().get("code").asString()).isEqualTo("case.out-of-reach");
        assertThat(streetReadsCase.json().get("detail").asString()).contains(committeeCase);
        assertThat(enterpriseReadsCommitteeInbox.status()).isEqualTo(403);
        assertThat(streetReadsOtherStreet.status()).isEqualTo(403);
        assertThat(kit.as(STREET_HANDLER).get("/api/organisations/org-nowhere/inbox").status()).isEqualTo(404);
    }

    @Test
    void aDistrictSupervisorSeesTheStreetsBelowButNotTheCitysCommittees() {
        String streetCase = kit.submitAndAwait(grievance().category("PARKING_ACCESS").employer("某商场")
            .description("商场不让骑手进门").place("510112001")).get("grievanceId").asString();
        String committeeCase = kit.submitAndAwait(grievance().employer("某劳务外包公司")).get("grievanceId").asString();

        assertThat(kit.as(DISTRICT_SUPERVISOR).get("/api/grievances/" + streetCase).status()).isEqualTo(200);
        assertThat(kit.as(DISTRICT_SUPERVISOR).get("/api/organisations/org-street-longquan/inbox").status()).isEqualTo(200);
        assertThat(kit.as(DISTRICT_SUPERVISOR).get("/api/grievances/" + committeeCase).status()).isEqualTo(403);
        assertThat(kit.as(DISTRICT_SUPERVISOR).get("/api/organisations/org-committee-online-delivery/inbox").status())
            .isEqualTo(403);
        JsonNode listed = kit.as(DISTRICT_SUPERVISOR).get("/api/grievances?size=100").json();
        assertThat(listed.get("cases").valueStream().map(c -> c.get("grievanceId").asString()))
            .contains(streetCase).doesNotContain(committeeCase);
    }

    @Test
    void aDistrictTriageOfficerWorksOnlyInTheDistrict() {
        String inDistrict = kit.submitAndAwait(grievance().place("510112001")).get("grievanceId").asString();
        String elsewhere = kit.submitAndAwait(grievance().place("510107003")).get("grievanceId").asString();

        assertThat(kit.as(DISTRICT_TRIAGE_OFFICER).get("/api/grievances/" + inDistrict).status()).isEqualTo(200);
        HttpJson.Response outside = kit.as(DISTRICT_TRIAGE_OFFICER).get("/api/grievances/" + elsewhere);
        assertThat(outside.status()).isEqualTo(403);
        HttpJson.Response reroute = kit.as(DISTRICT_TRIAGE_OFFICER).post("/api/grievances/" + elsewhere + "/reroute",
            "{\"organisationId\": \"org-street-yulin\", \"reason\": \"属地处理\"}");
        assertThat(reroute.status()).isEqualTo(403);
        assertThat(reroute.json().get("code").asString()).isEqualTo("case.out-of-jurisdiction");
        JsonNode listed = kit.as(DISTRICT_TRIAGE_OFFICER).get("/api/grievances?size=100").json();
        assertThat(listed.get("cases").valueStream().map(c -> c.get("divisionCode").asString()))
            .allMatch(code -> code.startsWith("510112"));
        assertThat(listed.get("cases").valueStream().map(c -> c.get("grievanceId").asString())).contains(inDistrict);
    }

    @Test
    void theCityTriageOfficerFindsCasesThatNeedAPerson() {
        String doubtful = kit.submitAndAwait(grievance().category(null).description("想咨询一下相关政策。"))
            .get("grievanceId").asString();

        JsonNode lowConfidence = await().atMost(Duration.ofSeconds(10)).until(
            () -> kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances?flag=LOW_CONFIDENCE&size=100").json(),
            page -> page.get("cases").valueStream().anyMatch(c -> c.get("grievanceId").asString().equals(doubtful)));
        JsonNode doubtfulCase = lowConfidence.get("cases").valueStream()
            .filter(c -> c.get("grievanceId").asString().equals(doubtful)).findFirst().orElseThrow();
        assertThat(doubtfulCase.at("/classification/needsConfirmation").asBoolean()).isTrue();
        assertThat(doubtfulCase.get("category").asString()).isEqualTo("OTHER");
        HttpJson.Response unknownCategory = kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances?category=NOT_A_CATEGORY");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances?state=SHREDDED").status()).isEqualTo(400);
    }

    @Test
    void aCaseOverdueToAcceptShowsAsSuchInTheCase() {
        JsonNode old = kit.submitAndAwait(grievance().submittedAt(beijing(2026, 2, 12, 10, 0)));

        assertThat(old.at("/deadlines/responseOverdue").asBoolean()).isTrue();
    }
}
