package cn.huiyin.dashboard.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.huiyin.dashboard.domain.IntakeSummary;
import cn.huiyin.dashboard.domain.IntakeTally;

/** Counts each grievance intake accepted, and answers how many came in over a period. */
public class CountSubmissions {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final IntakeTallies tallies;

    public CountSubmissions(IntakeTallies tallies) {
        this.tallies = tallies;
    }

    public void submitted(Instant submittedAt, String category, String channel, String workerGroup) {
        tallies.increment(LocalDate.ofInstant(submittedAt, BEIJING),
            category == null ? IntakeTally.UNCLASSIFIED : category, channel, workerGroup);
    }

    public IntakeSummary summary(LocalDate from, LocalDate to) {
        return IntakeSummary.of(from, to, tallies.between(from, to));
    }
}
