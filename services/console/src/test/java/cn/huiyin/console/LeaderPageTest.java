package cn.huiyin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The leader's dashboard against a dashboard service that answers (a stand-in speaking its API): a district narrows
 * every figure, case list and ledger to it, only divisions of the viewer's own jurisdiction are offered, the times,
 * remedy and oversight figures have their own tiles, and the streets' hotspots become a heat table.
 */
class LeaderPageTest extends StandInServicesTest {

    @BeforeEach
    void aDashboardThatAnswers() {
        SERVICES.answer("GET /api/dashboard/metrics", 200, METRICS)
            .answerAnyQuery("GET /api/dashboard/figures", 200, FIGURES)
            .answerAnyQuery("GET /api/dashboard/hotspots", 200, HOTSPOTS)
            .answer("GET /api/dashboard/rankings/2026-11", 200, "{\"month\": \"2026-11\", \"rows\": []}")
            .answerAnyQuery("GET /api/dashboard/cases", 200, "{\"total\": 0, \"cases\": []}");
    }

    @Test
    void aDistrictNarrowsTheFiguresTheCasesAndTheLedger() throws Exception {
        String page = page("/leader?period=2026-11&by=category&division=510104", "510100");

        assertThat(asked()).anyMatch(q -> q.startsWith("/api/dashboard/figures?") && q.contains("division=510104")
            && q.contains("by=category") && q.contains("period=2026-11"));
        assertThat(page).contains("/leader/cases?metric=closureRate&amp;part=numerator&amp;period=2026-11&amp;division=510104")
            .contains("/leader/ledger.xlsx?period=2026-11&amp;division=510104");

        String rows = page.substring(page.indexOf("<table id=\"rows\""));
        assertThat(rows).as("a count is whole, a rate to one place").contains(">12<").contains(">100.0%<")
            .doesNotContain("12.00");

        page("/leader/cases?metric=closureRate&part=numerator&period=2026-11&division=510104", "510100");
        assertThat(asked()).anyMatch(q -> q.startsWith("/api/dashboard/cases?") && q.contains("division=510104"));
    }

    @Test
    void onlyDivisionsOfTheViewersJurisdictionAreOffered() throws Exception {
        String page = page("/leader", "510104");

        assertThat(page).contains("value=\"510104001\"").doesNotContain("value=\"510105001\"")
            .doesNotContain("value=\"510104\"");
    }

    @Test
    void timesRemedyAndOversightHaveTilesAndTheStreetsAHeatTable() throws Exception {
        String page = page("/leader?period=2026-11", "510100");

        assertThat(page).contains("响应与办理用时", "救济成效", "督办与质量")
            .contains("id=\"figure-responseHoursMedian\"", "id=\"figure-moneyRecoveredYuan\"", "id=\"figure-redCards\"");
        assertThat(page).contains("街道热力表", "春熙路街道", "欠薪");
        assertThat(page).containsPattern("class=\"heat-4\">12 ↑<").containsPattern("class=\"heat-1\">2<")
            .containsPattern("class=\"heat-0\">0<");
    }

    private String page(String path, String jurisdiction) throws Exception {
        MvcResult result = mvc.perform(get(path).with(new SignedIn(registrations, authorizedClients)
            .as("dashboard-viewer", jurisdiction))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> asked() {
        return SERVICES.received.stream().map(StandInService.Received::path).toList();
    }

    private static final String METRICS = """
        {"items": [
          {"code": "closureRate", "kind": "RATE", "nameZh": "办结率", "nameEn": "closure rate",
           "definitionZh": "已结案件数 ÷ 有效受理件数", "definitionEn": "closed ÷ valid"},
          {"code": "responseHoursMedian", "kind": "QUANTILE", "nameZh": "响应用时中位数（工作小时）",
           "nameEn": "median response time", "definitionZh": "d", "definitionEn": "d"},
          {"code": "moneyRecoveredYuan", "kind": "MONEY", "nameZh": "追回金额（元）", "nameEn": "money recovered",
           "definitionZh": "d", "definitionEn": "d"},
          {"code": "redCards", "kind": "COUNT", "nameZh": "红牌", "nameEn": "red cards",
           "definitionZh": "d", "definitionEn": "d"},
          {"code": "received", "kind": "COUNT", "nameZh": "受理量", "nameEn": "received",
           "definitionZh": "d", "definitionEn": "d"}]}""";

    private static final String FIGURES = """
        {"scope": "510104", "period": "2026-11", "total": {"label": "合计", "figures": {
          "closureRate": {"value": 96.88, "numerator": 31, "denominator": 32},
          "responseHoursMedian": {"value": 1.5, "numerator": 30, "denominator": null},
          "moneyRecoveredYuan": {"value": 12000.0, "numerator": 4, "denominator": null},
          "redCards": {"value": 1, "numerator": 1, "denominator": null}}},
         "rows": [{"key": "WAGES", "label": "欠薪", "figures": {
          "received": {"value": 12.0, "numerator": 12, "denominator": null},
          "closureRate": {"value": 100.0, "numerator": 12, "denominator": 12}}}]}""";

    private static final String HOTSPOTS = """
        {"scope": "510100", "month": "2026-11", "minimum": 2, "categoryByStreet": [
          {"row": {"category": "WAGES", "place": "510104001", "count": 12, "change": 5, "growing": true},
           "categoryName": "欠薪", "placeName": "春熙路街道"},
          {"row": {"category": "PARKING_ACCESS", "place": "510104002", "count": 2, "change": 0, "growing": false},
           "categoryName": "停车难", "placeName": "书院街街道"}],
         "categoryByEnterprise": []}""";
}
