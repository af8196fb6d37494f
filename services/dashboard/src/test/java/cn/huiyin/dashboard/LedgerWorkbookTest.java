package cn.huiyin.dashboard;

import static cn.huiyin.dashboard.DashboardKit.beijing;
import static cn.huiyin.dashboard.DashboardKit.numerator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ledger (台账) and the figures as .xlsx workbooks, opened with POI's reader: Xining's October, twelve grievances
 * this test publishes itself, comes out as one row per grievance with the values of its events, directly and through a
 * background export job, scoped to the viewer's jurisdiction and without personal data.
 */
@ServiceTest
class LedgerWorkbookTest extends DashboardScenario {

    private static final TestUser CITY = TestUser.of("dashboard-viewer", "org-xn-city", "630100");
    private static final TestUser CHENGDONG = TestUser.of("dashboard-viewer", "org-xn-chengdong", "630102");
    private static final TestUser CHENGZHONG = TestUser.of("dashboard-viewer", "org-xn-chengzhong", "630103");
    private static final String COMMITTEE = "org-xn-freight";
    private static final String OCTOBER = "period=2026-10";

    @Test
    void theLedgerAndTheFiguresComeOutAsWorkbooksWithTheValuesOfThePublishedEvents() throws Exception {
        kit.organisation(COMMITTEE, "西宁市货运物流行业党委", "INDUSTRY_COMMITTEE", null, "630100", 1);
        Map<String, Instant> submitted = new HashMap<>();
        Map<String, String> channels = new HashMap<>();
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant at = beijing(2026, 10, 8 + i, 9 + i % 6, 30);
            String channel = i % 3 == 0 ? "HOTLINE_12328" : "MINI_PROGRAM";
            String division = i < 8 ? "630102001" : "630103002";
            boolean closed = i % 4 != 3;
            String id = kit.live(at, new DashboardKit.Life(channel, division, i % 2 == 0 ? "WAGES" : "PARKING_ACCESS",
                COMMITTEE, "YES", "SATISFIED", closed ? "RESOLVED_AND_SATISFIED" : null));
            submitted.put(id, at);
            channels.put(id, channel);
            if (!closed) {
                open.add(id);
            }
        }
        kit.awaitJson(CITY, "/api/dashboard/figures?" + OCTOBER, t -> numerator(t.get("total"), "closureRate") == 9);

        List<List<Object>> direct = ledgerRows(get(CITY, "/api/dashboard/ledger/cases.xlsx?" + OCTOBER));
        List<Object> header = direct.get(0);
        assertThat(header).startsWith("受理编号 grievanceId", "受理时间 submittedAt", "渠道 channel");
        assertThat(header).contains("结案结果 outcome", "追回金额元 moneyRecoveredYuan", "响应工作分钟 responseWorkingMinutes");
        List<List<Object>> rows = direct.subList(1, direct.size());
        assertThat(rows).hasSize(12);
        assertThat(rows).extracting(r -> (String) r.get(0)).containsExactlyInAnyOrderElementsOf(submitted.keySet())
            .isSorted();
        for (List<Object> row : rows) {
            String id = (String) row.get(0);
            assertThat(row.get(header.indexOf("受理时间 submittedAt")))
                .isEqualTo(LocalDateTime.ofInstant(submitted.get(id), DashboardKit.BEIJING));
            assertThat(row.get(header.indexOf("渠道 channel"))).isEqualTo(channels.get(id));
            assertThat(row.get(header.indexOf("响应工作分钟 responseWorkingMinutes"))).as("a number, as published")
                .isEqualTo(40.0);
            boolean closed = !open.contains(id);
            assertThat(row.get(header.indexOf("结案结果 outcome"))).isEqualTo(closed ? "RESOLVED_AND_SATISFIED" : null);
            assertThat(row.get(header.indexOf("追回金额元 moneyRecoveredYuan"))).as("the remedy closing records")
                .isEqualTo(closed ? 8260.0 : null);
            assertThat(row.get(header.indexOf("保险理赔 claimPaid"))).isEqualTo(closed);
        }
        assertThat(direct.toString()).doesNotContain("wk-");

        // The same ledger through a background job: 202 with its Location, progress, then the file.
        HttpJson.Response started = kit.as(CITY).post("/api/dashboard/ledger/exports?" + OCTOBER, "");
        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).startsWith("/api/dashboard/ledger/exports/LX-");
        JsonNode done = kit.awaitJson(CITY, location, j -> j.get("state").asString().equals("DONE"));
        assertThat(done.get("rowsWritten").asLong()).isEqualTo(12);
        assertThat(done.get("totalRows").asLong()).isEqualTo(12);
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("download").asString()).isEqualTo(location + "/file");
        assertThat(ledgerRows(get(CITY, location + "/file"))).isEqualTo(direct);
        assertThat(kit.as(CHENGDONG).get(location).status()).as("a job is its requester's").isEqualTo(404);

        // A district viewer's job covers their district only; a division outside it is refused.
        String district = kit.as(CHENGZHONG).post("/api/dashboard/ledger/exports?" + OCTOBER, "").header("Location");
        kit.awaitJson(CHENGZHONG, district, j -> j.get("state").asString().equals("DONE"));
        assertThat(ledgerRows(get(CHENGZHONG, district + "/file"))).hasSize(1 + 4);
        HttpJson.Response outside = kit.as(CHENGZHONG).post("/api/dashboard/ledger/exports?" + OCTOBER
            + "&division=630102", "");
        assertThat(outside.status()).isEqualTo(403);
        HttpJson.Response badPeriod = kit.as(CITY).get("/api/dashboard/ledger/cases.xlsx?period=October");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("period", "期间格式");

        theFiguresComeOutAsAWorkbookWithTheirDefinitions();
    }

    private void theFiguresComeOutAsAWorkbookWithTheirDefinitions() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
            get(CITY, "/api/dashboard/figures.xlsx?" + OCTOBER + "&by=channel")))) {
            Map<String, List<Object>> byRowAndMetric = new HashMap<>();
            for (List<Object> row : values(workbook.getSheetAt(0))) {
                byRowAndMetric.put(row.get(3) + "/" + row.get(6), row);
            }
            assertThat(byRowAndMetric.get("*/received").get(9)).isEqualTo(12.0);
            assertThat(byRowAndMetric.get("HOTLINE_12328/received").get(9)).isEqualTo(4.0);
            assertThat(byRowAndMetric.get("MINI_PROGRAM/received").get(9)).isEqualTo(8.0);
            List<Object> closure = byRowAndMetric.get("*/closureRate");
            assertThat(closure.get(9)).as("numerator").isEqualTo(9.0);
            assertThat(closure.get(10)).as("denominator").isEqualTo(12.0);
            assertThat(closure.get(8)).as("value").isEqualTo(75.0);
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("定义 definitions");
            assertThat(values(workbook.getSheetAt(1))).anySatisfy(r -> {
                assertThat(r.get(0)).isEqualTo("closureRate");
                assertThat((String) r.get(2)).isEqualTo("办结率");
            });
        }
    }

    private byte[] get(TestUser user, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
            .send(HttpJson.at(port).as(user).builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return response.body();
    }

    /** The ledger sheet's rows, header included. */
    private static List<List<Object>> ledgerRows(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            rows.add(cells(sheet.getRow(0), sheet.getRow(0).getLastCellNum()));
            rows.addAll(values(sheet));
            return rows;
        }
    }

    /** Every row below the header, as String, Double, Boolean or LocalDateTime (dates), null for an empty cell. */
    private static List<List<Object>> values(Sheet sheet) {
        int width = sheet.getRow(0).getLastCellNum();
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            rows.add(cells(sheet.getRow(r), width));
        }
        return rows;
    }

    private static List<Object> cells(Row row, int width) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                values.add(null);
            } else if (cell.getCellType() == CellType.NUMERIC) {
                values.add(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue() : (Object) cell.getNumericCellValue());
            } else if (cell.getCellType() == CellType.BOOLEAN) {
                values.add(cell.getBooleanCellValue());
            } else {
                values.add(cell.getStringCellValue());
            }
        }
        return values;
    }
}
