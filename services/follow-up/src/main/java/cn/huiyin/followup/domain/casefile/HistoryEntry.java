package cn.huiyin.followup.domain.casefile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a case's history (处理记录) as a fact: a code and its parameters, who and when. The web edge renders it in
 * Chinese and English; the aggregate writes no sentences.
 *
 * @param code   e.g. {@code FIRST_CONTACT}, {@code REMINDER}, {@code REOPENED}
 * @param params e.g. {@code organisation → 市网约配送行业党委}
 */
public record HistoryEntry(Instant at, String actor, String code, Map<String, String> params) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(code, "code");
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
