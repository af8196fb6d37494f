package cn.huiyin.intake.application.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns a city's ledger (台账) may have, recognised by their Chinese or English heading (docs/ledger-import.md).
 * Columns in any order; other columns are ignored.
 */
public enum LedgerColumn {
    LEDGER_NUMBER("台账编号", "ledgerNumber", true),
    REGISTERED_AT("登记时间", "registeredAt", true),
    NAME("姓名", "name", true),
    MOBILE("手机号", "mobile", true),
    RESIDENT_ID("身份证号", "residentId", false),
    WORKER_GROUP("群体", "workerGroup", true),
    PLATFORM_OR_EMPLOYER("平台或用工单位", "platformOrEmployer", false),
    CATEGORY("诉求分类", "category", false),
    DIVISION_CODE("区划代码", "divisionCode", true),
    ADDRESS("地址", "address", false),
    DESCRIPTION("诉求内容", "description", true),
    STATUS("状态", "status", true),
    CLOSED_AT("办结时间", "closedAt", false),
    CONFIDENTIAL("保密", "confidential", false);

    private final String zh;
    private final String en;
    private final boolean required;

    LedgerColumn(String zh, String en, boolean required) {
        this.zh = zh;
        this.en = en;
        this.required = required;
    }

    public String zh() {
        return zh;
    }

    /** The field name problems are reported under. */
    public String en() {
        return en;
    }

    public boolean required() {
        return required;
    }

    /** The heading as the sample ledger writes it: {@code 台账编号 ledgerNumber}. */
    public String heading() {
        return zh + " " + en;
    }

    /** The column a heading names: its Chinese, its English, or both ({@code 台账编号 ledgerNumber}), any case. */
    public static Optional<LedgerColumn> of(String heading) {
        if (heading == null) {
            return Optional.empty();
        }
        String h = heading.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> h.equals(c.zh) || h.equals(c.en.toLowerCase(Locale.ROOT))
            || h.equals(c.heading().toLowerCase(Locale.ROOT))).findFirst();
    }
}
