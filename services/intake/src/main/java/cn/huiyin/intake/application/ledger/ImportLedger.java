package cn.huiyin.intake.application.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.application.ledger.LedgerImportReport.Outcome;
import cn.huiyin.intake.application.ledger.LedgerImportReport.RowProblem;
import cn.huiyin.intake.application.ledger.LedgerImportReport.RowResult;
import cn.huiyin.intake.domain.Channel;
import cn.huiyin.intake.domain.ExternalReferences;
import cn.huiyin.intake.domain.LedgerEntry;
import cn.huiyin.intake.domain.Place;
import cn.huiyin.intake.domain.Recorder;
import cn.huiyin.intake.domain.Submission;
import cn.huiyin.intake.domain.Worker;
import cn.huiyin.intake.domain.WorkerGroup;
import cn.huiyin.platform.kernel.ChinaIdentifiers;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * Imports a city's earlier ledger (台账导入) of open and past grievances: every good row becomes a grievance with
 * channel {@code LEDGER_IMPORT} and its {@code GrievanceSubmitted} event (one write, through the outbox), once — the
 * row's key (ledger source + the row's own number) finds the grievance of an earlier import, whoever made it. Bad rows
 * are reported with every bad field and store nothing. The ledger's registration and closing instants are kept as
 * facts of the row ({@link LedgerEntry}); the grievance's own submission is the import (ADR 0025).
 */
public class ImportLedger {

    public static final int MAX_ROWS = 5_000;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");
    private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm[:ss]"));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
        DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));
    private static final Map<String, WorkerGroup> GROUPS = Map.of("外卖骑手", WorkerGroup.FOOD_DELIVERY_RIDER,
        "网约配送员", WorkerGroup.FOOD_DELIVERY_RIDER, "快递员", WorkerGroup.COURIER, "网约车司机",
        WorkerGroup.RIDE_HAILING_DRIVER, "货车司机", WorkerGroup.TRUCK_DRIVER, "出租车司机", WorkerGroup.TAXI_DRIVER,
        "网络主播", WorkerGroup.ONLINE_STREAMER, "零工", WorkerGroup.GIG_WORKER);

    private final SubmitGrievance submit;
    private final Clock clock;

    public ImportLedger(SubmitGrievance submit, Clock clock) {
        this.submit = submit;
        this.clock = clock;
    }

    /**
     * @param source the ledger's name ({@code [a-z0-9-]}, e.g. {@code jinchang-12328-2025}): with a row's number the
     *               row's identity, so the same ledger must be imported under the same name
     * @throws InvalidFieldsException (400) when the sheet as a whole is unusable: bad source, a required column
     *                                missing, no rows or too many
     */
    public LedgerImportReport importLedger(Caller caller, String source, LedgerSheet sheet) {
        Map<LedgerColumn, Integer> columns = check(source, sheet);
        Instant now = clock.instant();
        List<RowResult> results = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LedgerSheet.Row row : sheet.rows()) {
            if (row.cells().stream().allMatch(ImportLedger::blank)) {
                continue;
            }
            RowReader reader = new RowReader(row, columns);
            Submission submission = reader.submission(caller, source, now);
            if (reader.number != null && !seen.add(reader.number)) {
                reader.problem(LedgerColumn.LEDGER_NUMBER, "ledger.number-repeated", "台账编号在本表中重复出现",
                    "the ledger number appears more than once in this sheet");
            }
            if (reader.problems.isEmpty()) {
                file(submission, reader);
            }
            problems.addAll(reader.problems);
            results.add(reader.result);
        }
        return new LedgerImportReport(source, results.size(), results, problems);
    }

    private void file(Submission submission, RowReader reader) {
        try {
            SubmitGrievance.Result filed = submit.fileFromLedger(submission);
            reader.result = new RowResult(reader.row.number(), reader.number,
                filed.replayed() ? Outcome.ALREADY_IMPORTED : Outcome.IMPORTED, filed.receipt().trackingNumber());
        } catch (InvalidFieldsException e) {
            for (FieldProblem p : e.problems()) {
                reader.problems.add(new RowProblem(reader.row.number(), reader.number, column(p.field()), p.code(),
                    p.message(), p.messageEn()));
            }
            reader.result = rejected(reader);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            reader.problem(LedgerColumn.LEDGER_NUMBER, "ledger.row-changed", "该台账编号已导入过，但本次内容不同；"
                + "已导入的诉求不会被改写", "this ledger number was imported before with other content; the imported "
                + "grievance is not rewritten");
            reader.result = rejected(reader);
        }
    }

    private static RowResult rejected(RowReader reader) {
        return new RowResult(reader.row.number(), reader.number, Outcome.REJECTED, null);
    }

    /** Where a filing check's field is in the ledger. */
    private static String column(String field) {
        return switch (field) {
            case "location.divisionCode" -> LedgerColumn.DIVISION_CODE.en();
            case "category" -> LedgerColumn.CATEGORY.en();
            default -> field;
        };
    }

    private static Map<LedgerColumn, Integer> check(String source, LedgerSheet sheet) {
        List<FieldProblem> problems = new ArrayList<>();
        if (source == null || !SOURCE.matcher(source).matches()) {
            problems.add(new FieldProblem("source", "ledger.source-malformed",
                "台账来源名称须为 2–60 位小写字母、数字或连字符，如 jinchang-12328-2025",
                "the ledger's source is 2-60 lower-case letters, digits or hyphens, e.g. jinchang-12328-2025"));
        }
        Map<LedgerColumn, Integer> columns = new EnumMap<>(LedgerColumn.class);
        List<String> headings = sheet.headings();
        for (int i = 0; i < headings.size(); i++) {
            Optional<LedgerColumn> column = LedgerColumn.of(headings.get(i));
            if (column.isPresent() && columns.putIfAbsent(column.get(), i) != null) {
                problems.add(new FieldProblem(column.get().en(), "ledger.column-repeated",
                    "表头中“" + column.get().zh() + "”出现了两次", "the column " + column.get().en() + " appears twice"));
            }
        }
        for (LedgerColumn column : LedgerColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                problems.add(new FieldProblem(column.en(), "ledger.column-missing",
                    "缺少必填列“" + column.heading() + "”", "the required column " + column.heading() + " is missing"));
            }
        }
        long rows = sheet.rows().stream().filter(r -> !r.cells().stream().allMatch(ImportLedger::blank)).count();
        if (rows == 0) {
            problems.add(new FieldProblem("file", "ledger.empty", "台账中没有数据行", "the ledger has no rows"));
        } else if (rows > MAX_ROWS) {
            problems.add(new FieldProblem("file", "ledger.too-many-rows", "一次最多导入 " + MAX_ROWS + " 行，请分批导入",
                "at most " + MAX_ROWS + " rows per import; split the ledger"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return columns;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Reads one row, collecting every bad field. */
    private final class RowReader {

        final LedgerSheet.Row row;
        final Map<LedgerColumn, Integer> columns;
        final List<RowProblem> problems = new ArrayList<>();
        String number;
        RowResult result;

        RowReader(LedgerSheet.Row row, Map<LedgerColumn, Integer> columns) {
            this.row = row;
            this.columns = columns;
        }

        Submission submission(Caller caller, String source, Instant now) {
            number = text(LedgerColumn.LEDGER_NUMBER, 40);
            Instant registeredAt = time(LedgerColumn.REGISTERED_AT, now);
            String name = text(LedgerColumn.NAME, 50);
            String mobile = text(LedgerColumn.MOBILE, 11);
            if (mobile != null && !ChinaIdentifiers.isMainlandMobile(mobile)) {
                problem(LedgerColumn.MOBILE, "mobile.malformed", "手机号应为 11 位中国大陆手机号",
                    "a mobile number is 11 digits, mainland China");
            }
            String residentId = text(LedgerColumn.RESIDENT_ID, 18);
            if (residentId != null && !ChinaIdentifiers.isResidentIdNumber(residentId, LocalDate.ofInstant(now, BEIJING))) {
                problem(LedgerColumn.RESIDENT_ID, "residentId.malformed", "身份证号码不正确", "not a valid resident ID number");
            }
            WorkerGroup group = group();
            String platform = text(LedgerColumn.PLATFORM_OR_EMPLOYER, 100);
            String category = text(LedgerColumn.CATEGORY, 40);
            String division = text(LedgerColumn.DIVISION_CODE, 12);
            if (division != null && !caller.jurisdiction().covers(division)) {
                problem(LedgerColumn.DIVISION_CODE, "division.out-of-scope", "该区划不在您的辖区内：" + division,
                    "division " + division + " lies outside your jurisdiction");
            }
            String address = text(LedgerColumn.ADDRESS, 200);
            String description = text(LedgerColumn.DESCRIPTION, 4000);
            LedgerEntry.Status status = status();
            Instant closedAt = time(LedgerColumn.CLOSED_AT, now);
            if (status == LedgerEntry.Status.CLOSED && closedAt == null && cell(LedgerColumn.CLOSED_AT) == null) {
                problem(LedgerColumn.CLOSED_AT, "ledger.closedAt-missing", "已办结的诉求须填写办结时间",
                    "a closed grievance needs its closing time");
            } else if (status == LedgerEntry.Status.OPEN && closedAt != null) {
                problem(LedgerColumn.CLOSED_AT, "ledger.closedAt-open", "办理中的诉求不应有办结时间",
                    "a grievance still open has no closing time");
            } else if (closedAt != null && registeredAt != null && closedAt.isBefore(registeredAt)) {
                problem(LedgerColumn.CLOSED_AT, "ledger.closedAt-before", "办结时间早于登记时间",
                    "closed before it was registered");
            }
            boolean confidential = confidential();
            result = rejected(this);
            if (!problems.isEmpty()) {
                return null;
            }
            LedgerEntry entry = new LedgerEntry(source, number, registeredAt, status,
                status == LedgerEntry.Status.CLOSED ? closedAt : null);
            return new Submission(Channel.LEDGER_IMPORT, new Recorder(caller.username(), caller.organisationId(),
                "台账导入 ledger import: " + source), new Worker(name, mobile, residentId, group, platform, null),
                confidential, category, description, new Place(division, address, null), null,
                new ExternalReferences(null, null, entry), null);
        }

        String cell(LedgerColumn column) {
            Integer i = columns.get(column);
            if (i == null || i >= row.cells().size()) {
                return null;
            }
            String value = row.cells().get(i);
            return blank(value) ? null : value.strip();
        }

        String text(LedgerColumn column, int max) {
            String value = cell(column);
            if (value == null) {
                if (column.required()) {
                    problem(column, "required", "“" + column.zh() + "”不能为空", column.en() + " must not be empty");
                }
                return null;
            }
            if (value.length() > max) {
                problem(column, "too-long", "“" + column.zh() + "”最多 " + max + " 个字符",
                    column.en() + " has at most " + max + " characters");
                return null;
            }
            return value;
        }

        Instant time(LedgerColumn column, Instant now) {
            String value = text(column, 40);
            if (value == null) {
                return null;
            }
            Optional<LocalDateTime> parsed = parse(value);
            if (parsed.isEmpty()) {
                problem(column, "time.malformed", "时间格式应为 2025-03-18 或 2025-03-18 09:30",
                    "a time is written 2025-03-18 or 2025-03-18 09:30");
                return null;
            }
            Instant at = parsed.get().atZone(BEIJING).toInstant();
            if (at.isAfter(now)) {
                problem(column, "time.future", "时间不能晚于现在", "must not be in the future");
                return null;
            }
            return at;
        }

        WorkerGroup group() {
            String value = text(LedgerColumn.WORKER_GROUP, 40);
            if (value == null) {
                return null;
            }
            WorkerGroup group = GROUPS.get(value);
            if (group != null) {
                return group;
            }
            try {
                return WorkerGroup.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(LedgerColumn.WORKER_GROUP, "workerGroup.unknown", "未知的群体：" + value
                    + "（可填 外卖骑手、快递员、网约车司机、货车司机、出租车司机、网络主播、零工）", "unknown worker group " + value
                    + " (FOOD_DELIVERY_RIDER, COURIER, RIDE_HAILING_DRIVER, TRUCK_DRIVER, TAXI_DRIVER, ONLINE_STREAMER, "
                    + "GIG_WORKER)");
                return null;
            }
        }

        LedgerEntry.Status status() {
            String value = text(LedgerColumn.STATUS, 20);
            if (value == null) {
                return null;
            }
            switch (value.toUpperCase(Locale.ROOT)) {
                case "办理中", "在办", "未办结", "OPEN":
                    return LedgerEntry.Status.OPEN;
                case "已办结", "办结", "已结案", "CLOSED":
                    return LedgerEntry.Status.CLOSED;
                default:
                    problem(LedgerColumn.STATUS, "ledger.status-unknown", "状态应为“办理中”或“已办结”",
                        "the status is OPEN (办理中) or CLOSED (已办结)");
                    return null;
            }
        }

        boolean confidential() {
            String value = cell(LedgerColumn.CONFIDENTIAL);
            if (value == null) {
                return false;
            }
            switch (value.toUpperCase(Locale.ROOT)) {
                case "是", "Y", "YES", "TRUE", "1":
                    return true;
                case "否", "N", "NO", "FALSE", "0":
                    return false;
                default:
                    problem(LedgerColumn.CONFIDENTIAL, "confidential.malformed", "“保密”应填“是”或“否”",
                        "confidential is yes (是) or no (否)");
                    return false;
            }
        }

        void problem(LedgerColumn column, String code, String zh, String en) {
            problems.add(new RowProblem(row.number(), number, column.en(), code, zh, en));
            result = rejected(this);
        }
    }

    private static Optional<LocalDateTime> parse(String value) {
        for (DateTimeFormatter format : TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(value, format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(value, format).atStartOfDay());
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
