package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a case's history (处理记录): who did what, when and why. Automatic steps are done by {@code system}.
 *
 * @param reason the person's stated reason, for manual steps
 */
public record HistoryEntry(Instant at, String actor, String action, String summaryZh, String summaryEn,
                           String reason) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(summaryZh, "summaryZh");
        Objects.requireNonNull(summaryEn, "summaryEn");
    }
}
