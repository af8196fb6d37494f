package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What each member of staff sees of a worker, by every endpoint they may call: never a secret that opens the
 * worker's self-service, and — for the platform firm's party organisation co-handling a confidential case — nothing
 * that identifies the worker at all. docs/privacy.md has the table.
 */
@ServiceTest
class WhatStaffSeeTest {

    @LocalServerPort
    int port;

    private final TestUser clerk = TestUser.of("window-clerk", "org-lqy-window", "510112");
    private final TestUser meituan = TestUser.of("org-handler", "org-ent-meituan", "510100");
    private final TestUser committee = TestUser.of("org-handler", "org-committee-online-delivery", "510100");

    /** Everyone who may read a grievance in intake, each where they would see this one. */
    private final List<TestUser> readers = List.of(clerk,
        TestUser.of("hotline-operator", "org-hotline-12345", "510100"),
        TestUser.of("triage-officer", "org-city-swb", "510100"),
        TestUser.of("supervisor", "org-district-lqy", "510112"),
        TestUser.of("callback-agent", "org-hotline-12345", "510100"),
        committee,
        TestUser.of("department-liaison", "org-dept-hrss", "510100"),
        meituan);

    @Test
    void noStaffRoleIsShownTheQueryCodeOrTheDigitsThatOnceOpenedTheSelfService() throws Exception {
        Filing filing = fileAndHandOver(false);

        for (TestUser reader : readers) {
            String one = HttpJson.at(port).as(reader).get("/api/grievances/" + filing.id()).body();
            String list = HttpJson.at(port).as(reader).get("/api/grievances?size=200").body();

            assertThat(one).as(reader.username()).contains(filing.id())
                .doesNotContain(filing.code(), "13812341234", "李明").doesNotContainPattern("\\*1234");
            assertThat(list).as(reader.username())
                .doesNotContain(filing.code(), "13812341234", "李明").doesNotContainPattern("\\*1234");
        }
    }

    @Test
    void theFirmCoHandlingAConfidentialCaseLearnsNothingThatIdentifiesTheWorkerByAnyEndpoint() throws Exception {
        Filing filing = fileAndHandOver(true);
        HttpJson asMeituan = HttpJson.at(port).as(meituan);

        HttpJson.Response one = asMeituan.get("/api/grievances/" + filing.id());
        HttpJson.Response list = asMeituan.get("/api/grievances?size=200");
        HttpJson.Response contact = asMeituan.get("/api/grievances/" + filing.id() + "/contact?reason=%E6%A0%B8%E5%AE%9E");
        HttpJson.Response file = asMeituan.get("/api/grievances/" + filing.id() + "/evidence/" + filing.fileId());

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("description").asString()).contains("保险公司");
        JsonNode inList = list.json().get("grievances").valueStream()
            .filter(g -> g.get("grievanceId").asString().equals(filing.id())).findFirst().orElseThrow();
        for (String body : List.of(one.body(), inList.toString())) {
            assertThat(body).doesNotContain("李", "13812341234", "11010519491231002X", "wk-", "MT2026111218342211",
                "成龙大道二段", "大面站", "政务服务大厅", "2026-11-12T10:40", "晚上7点", "站长王五", "诊断证明",
                filing.fileId(), filing.code()).doesNotContainPattern("\\*1234");
        }
        assertThat(one.json().at("/worker/name").asString()).isEqualTo("（保密）");
        assertThat(one.json().get("supplementCount").asInt()).isEqualTo(1);
        assertThat(one.json().get("evidenceCount").asInt()).isEqualTo(1);
        assertThat(contact.status()).isEqualTo(403);
        assertThat(file.status()).isEqualTo(403);
        assertThat(file.body()).doesNotContain("PNG");
    }

    @Test
    void theCommitteeHandlingTheSameConfidentialCaseSeesItMaskedAndMayCallTheWorkerWithAnAuditedRead()
        throws Exception {
        Filing filing = fileAndHandOver(true);

        JsonNode asCommittee = HttpJson.at(port).as(committee).get("/api/grievances/" + filing.id()).json();
        HttpJson.Response contact = HttpJson.at(port).as(committee)
            .get("/api/grievances/" + filing.id() + "/contact?reason=%E6%A0%B8%E5%AE%9E");
        HttpJson.Response file = HttpJson.at(port).as(committee)
            .get("/api/grievances/" + filing.id() + "/evidence/" + filing.fileId());

        assertThat(asCommittee.at("/worker/name").asString()).isEqualTo("李*");
        assertThat(asCommittee.at("/worker/workerRef").asString()).startsWith("wk-");
        assertThat(asCommittee.at("/externalReferences/platformOrderNumber").asString()).isEqualTo("MT2026111218342211");
        assertThat(asCommittee.at("/supplements/0/text").asString()).contains("站长王五");
        assertThat(asCommittee.get("history").toString()).contains("诊断证明");
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.json().get("name").asString()).isEqualTo("李明");
        assertThat(file.status()).isEqualTo(200);
        JsonNode audit = HttpJson.at(port).as(TestUser.of("supervisor", "org-district-lqy", "510112"))
            .get("/api/audit?grievanceId=" + filing.id() + "&kind=PERSONAL_DATA_READ").json();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
        assertThat(audit.at("/entries/0/fields").toString()).contains("name", "mobile");
    }

    /** A grievance filed at a window, with a supplement and a file, routed to the committee with 美团 co-handling. */
    private record Filing(String id, String code, String fileId) {
    }

    private Filing fileAndHandOver(boolean confidential) throws Exception {
        String body = confidential
            ? FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("\"category\"", "\"confidential\": true, \"category\"")
            : FilingAGrievanceTest.RIDER_INSURANCE_CLAIM;
        JsonNode filed = HttpJson.at(port).as(clerk).post("/api/grievances", body).json();
        String id = filed.get("trackingNumber").asString();
        HttpJson.at(port).as(clerk).post("/api/grievances/" + id + "/supplements",
            "{\"text\": \"骑手补充：站长王五可以作证\"}");
        String location = upload(id, "骑手诊断证明.png");
        Triage.assignToTheCommitteeWithMeituan(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(meituan)
            .get("/api/grievances/" + id).status() == 200);
        return new Filing(id, filed.get("queryCode").asString(), location.substring(location.lastIndexOf('/') + 1));
    }

    private String upload(String id, String filename) {
        String boundary = "huiyin-staff-see";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
            + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(EvidenceTest.PNG);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpJson.at(port).as(clerk).postWithContentType("/api/grievances/" + id + "/evidence",
            "multipart/form-data; boundary=" + boundary, body.toByteArray()).header("Location");
    }
}
