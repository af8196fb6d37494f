package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A city moves onto Huiyin with its ledger (台账导入): an .xlsx of open and closed grievances, some rows bad. The good
 * rows become grievances with channel LEDGER_IMPORT and their events, once, also when the import is repeated; every bad
 * row is reported with every bad field, in Chinese and English, and stores nothing.
 */
@ServiceTest
class LedgerImportTest {

    static final List<String> HEADINGS = List.of("台账编号 ledgerNumber", "登记时间 registeredAt", "姓名 name",
        "手机号 mobile", "群体 workerGroup", "平台或用工单位 platformOrEmployer", "诉求分类 category", "区划代码 divisionCode",
        "地址 address", "诉求内容 description", "状态 status", "办结时间 closedAt");
    private static final TestUser SUPERVISOR = TestUser.of("supervisor", "org-cd-city", "510100");
    private static final String INTAKE_TOPIC = "huiyin.intake.grievance.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    private final EventContracts contracts = new EventContracts();

    @BeforeEach
    void setUp() {
        clock.set(TestInstants.DEFAULT);
    }

    @Test
    void goodRowsAreImportedOnceBadRowsAreReportedFieldByFieldAndARepeatCreatesNothing() throws Exception {
        String source = "chengdu-longquanyi-" + System.nanoTime() % 1_000_000;
        byte[] ledger = workbook(List.of(
            List.of("LQ-2025-0001", "2025-03-18 09:30", "张伟", 13912345678L, "货车司机", "成都某物流有限公司", "WAGES",
                "510112002", "成龙大道二段", "拖欠两个月运费共计 8600 元。", "办理中", ""),
            List.of("LQ-2025-0002", LocalDateTime.of(2025, 4, 1, 10, 15), "王芳", "13698765432", "TRUCK_DRIVER", "",
                "", "510112", "", "装卸等待超过六小时无补偿。", "已办结", "2025-04-18"),
            List.of("LQ-2025-0003", "2025-05-06", "李强", "12345", "飞行员", "", "", "510112", "", "无法联系平台客服。",
                "CLOSED", ""),
            List.of("LQ-2025-0004", "2025-05-07", "赵敏", "13512345678", "外卖骑手", "", "NOT_A_CATEGORY", "510112", "",
                "配送超时被罚款。", "办理中", ""),
            List.of("", "", "", "", "", "", "", "", "", "", "", ""),
            List.of("LQ-2025-0001", "2025-05-08", "孙丽", "13712345678", "快递员", "", "", "510112", "", "快件丢失被扣款。",
                "办理中", "")));
        long before = mongo.getCollection("grievances").countDocuments();

        HttpJson.Response first = importLedger(source, ledger);

        assertThat(first.status()).isEqualTo(422);
        assertThat(first.header("Content-Type")).startsWith("application/problem+json");
        JsonNode report = first.json();
        assertThat(report.get("type").asString()).isEqualTo("urn:huiyin:problem:ledger-rows-rejected");
        assertThat(report.get("title").asString()).isNotBlank();
        assertThat(report.get("titleEn").asString()).isNotBlank();
        assertThat(report.at("/summary/imported").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/rejected").asInt()).isEqualTo(3);
        assertThat(errors(report)).containsExactlyInAnyOrder("4 mobile", "4 workerGroup", "4 closedAt", "5 category",
            "7 ledgerNumber");
        report.get("errors").forEach(e -> {
            assertThat(e.get("message").asString()).as("Chinese").isNotBlank();
            assertThat(e.get("messageEn").asString()).as("English").isNotBlank();
        });
        Map<String, String> outcomes = outcomes(report);
        assertThat(outcomes).containsEntry("2", "IMPORTED").containsEntry("3", "IMPORTED").containsEntry("4", "REJECTED")
            .containsEntry("5", "REJECTED").containsEntry("7", "REJECTED").doesNotContainKey("6");
        assertThat(mongo.getCollection("grievances").countDocuments()).as("two grievances, nothing of the bad rows")
            .isEqualTo(before + 2);
        String open = grievanceOf(report, 2);
        String closed = grievanceOf(report, 3);

        // The same ledger again: nothing new, the good rows reported as imported before, with the same grievances.
        JsonNode again = importLedger(source, ledger).json();
        assertThat(again.at("/summary/imported").asInt()).isZero();
        assertThat(again.at("/summary/alreadyImported").asInt()).isEqualTo(2);
        assertThat(grievanceOf(again, 2)).isEqualTo(open);
        assertThat(grievanceOf(again, 3)).isEqualTo(closed);
        assertThat(mongo.getCollection("grievances").countDocuments()).isEqualTo(before + 2);

        // Only the good rows, imported by an administrator: all imported before, 200 with the report.
        HttpJson.Response good = HttpJson.at(port).as(TestUser.of("admin", "org-cd-admin", "510100"))
            .postWithContentType("/api/ledger-imports?source=" + source, "application/octet-stream",
                workbook(List.of(List.of("LQ-2025-0002", LocalDateTime.of(2025, 4, 1, 10, 15), "王芳", "13698765432",
                    "TRUCK_DRIVER", "", "", "510112", "", "装卸等待超过六小时无补偿。", "已办结", "2025-04-18"))));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().at("/results/0/outcome").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(good.json().at("/results/0/grievanceId").asString()).isEqualTo(closed);

        // The same row number with other content is refused, not rewritten.
        JsonNode changed = importLedger(source, workbook(List.of(List.of("LQ-2025-0002", "2025-04-01 10:15", "王芳",
            "13698765432", "TRUCK_DRIVER", "", "", "510112", "", "内容被改过。", "已办结", "2025-04-18")))).json();
        assertThat(errors(changed)).containsExactly("2 ledgerNumber");
        assertThat(changed.at("/errors/0/code").asString()).isEqualTo("ledger.row-changed");

        theClosedRowIsPublishedOnceMeetingTheContractWithItsLedgerFactsAndNoName(closed);
        JsonNode stored = HttpJson.at(port).as(SUPERVISOR).get("/api/grievances/" + open).json();
        assertThat(stored.get("channel").asString()).isEqualTo("LEDGER_IMPORT");
    }

    private void theClosedRowIsPublishedOnceMeetingTheContractWithItsLedgerFactsAndNoName(String closed) {
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(TestInfrastructure.get().kafkaBootstrapServers(),
            INTAKE_TOPIC)) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> closed.equals(r.key()), 1,
                Duration.ofSeconds(20));
            records = new ArrayList<>(records);
            records.addAll(reader.drain(r -> closed.equals(r.key()), Duration.ofSeconds(2)));
            assertThat(records.stream().map(r -> r.partition() + "@" + r.offset()).distinct())
                .as("one event although the row was imported three times").hasSize(1);
            String data = new String(records.get(0).value(), StandardCharsets.UTF_8);
            assertThat(contracts.validate("cn.huiyin.intake.GrievanceSubmitted.v1", data)).isEmpty();
            JsonNode event = HttpJson.parse(data);
            assertThat(event.get("channel").asString()).isEqualTo("LEDGER_IMPORT");
            assertThat(Instant.parse(event.get("submittedAt").asString())).as("the import, not the ledger's registration")
                .isBetween(TestInstants.DEFAULT, TestInstants.DEFAULT.plusSeconds(60));
            JsonNode entry = event.at("/externalReferences/ledger");
            assertThat(entry.get("number").asString()).isEqualTo("LQ-2025-0002");
            assertThat(entry.get("status").asString()).isEqualTo("CLOSED");
            assertThat(entry.get("registeredAt").asString()).as("10:15 Beijing").isEqualTo("2025-04-01T02:15:00Z");
            assertThat(entry.get("closedAt").asString()).as("the day, Beijing").isEqualTo("2025-04-17T16:00:00Z");
            assertThat(data).doesNotContain("王芳", "13698765432");
        }
    }

    @Test
    void aFileThatIsNotALedgerAndTheInternalChannelThroughTheFilingApiAreRefusedNamingTheField() throws Exception {
        HttpJson.Response garbage = HttpJson.at(port).as(SUPERVISOR).postWithContentType(
            "/api/ledger-imports?source=garbage-file", "application/octet-stream", "not a workbook".getBytes());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().at("/errors/0/field").asString()).isEqualTo("file");

        byte[] noMobileColumn = workbook(List.of("台账编号", "登记时间", "姓名"), List.of(List.of("X-1", "2025-01-01", "周")));
        HttpJson.Response missing = HttpJson.at(port).as(SUPERVISOR).postWithContentType(
            "/api/ledger-imports?source=BAD_SOURCE", "application/octet-stream", noMobileColumn);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .contains("source", "mobile", "workerGroup", "divisionCode", "description", "status");

        HttpJson.Response api = HttpJson.at(port).as(TestUser.of("window-clerk")).post("/api/grievances",
            FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("SERVICE_HALL_WINDOW", "LEDGER_IMPORT"));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.json().at("/errors/0/field").asString()).isEqualTo("channel");
    }

    @Test
    void theSampleLedgerInTheDocsImportsCleanly() throws IOException {
        Path sample = Path.of("../../docs/examples/ledger-import-sample.xlsx");
        HttpJson.Response imported = importLedger("docs-sample-" + System.nanoTime() % 1_000_000,
            Files.readAllBytes(sample));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("results").valueStream().map(r -> r.get("outcome").asString()))
            .hasSizeGreaterThanOrEqualTo(3).allMatch("IMPORTED"::equals);
    }

    private HttpJson.Response importLedger(String source, byte[] xlsx) {
        return HttpJson.at(port).as(SUPERVISOR).postWithContentType("/api/ledger-imports?source=" + source,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
    }

    private static List<String> errors(JsonNode report) {
        return report.get("errors").valueStream().map(e -> e.get("row").asInt() + " " + e.get("field").asString())
            .toList();
    }

    private static Map<String, String> outcomes(JsonNode report) {
        return report.get("results").valueStream().collect(Collectors.toMap(r -> r.get("row").asString(),
            r -> r.get("outcome").asString()));
    }

    private static String grievanceOf(JsonNode report, int row) {
        return report.get("results").valueStream().filter(r -> r.get("row").asInt() == row).findFirst().orElseThrow()
            .get("grievanceId").asString();
    }

    static byte[] workbook(List<List<Object>> rows) {
        return workbook(HEADINGS, rows);
    }

    /** A ledger as a city keeps it: text, numbers and real date cells mixed. */
    static byte[] workbook(List<String> headings, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("台账");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row heading = sheet.createRow(0);
            for (int i = 0; i < headings.size(); i++) {
                heading.createCell(i).setCellValue(headings.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDateTime at) {
                        row.createCell(c).setCellValue(at);
                        row.getCell(c).setCellStyle(date);
                    } else if (!"".equals(value)) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sample ledger of docs/examples (run once by hand when the columns change; the test above reads it). */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args.length > 0 ? args[0] : "../../docs/examples/ledger-import-sample.xlsx"), workbook(
            Arrays.asList(
                List.of("JC-2025-0417", "2025-04-17 09:30", "张伟", "13912345678", "货车司机", "金昌某物流有限公司", "WAGES",
                    "510112", "", "拖欠三个月运费共计 1.2 万元，多次催要未果。", "已办结", "2025-05-06 16:00"),
                List.of("JC-2025-0562", "2025-06-02", "王芳", "13698765432", "外卖骑手", "美团", "", "510112002",
                    "成龙大道二段", "配送途中摔伤，保险理赔被拒。", "办理中", ""),
                List.of("JC-2025-0588", LocalDateTime.of(2025, 6, 9, 14, 0), "李强", "13512345678", "快递员", "", "",
                    "510112", "", "网点以快件丢失为由扣款 600 元。", "办理中", ""))));
    }
}
