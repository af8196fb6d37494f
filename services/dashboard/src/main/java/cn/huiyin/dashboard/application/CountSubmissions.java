package cn.huiyin.dashboard.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.huiyin.dashboard.domain.IntakeSummary;
import cn.huiyin.dashboard.domain.IntakeTally;
import cn.huiyin.platform.service.security.HuiyinUser;

/** Counts each grievance intake accepted, and answers how many came in over a period. */
public class CountSubmissions {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final IntakeTallies tallies;

    public CountSubmissions(IntakeTallies tallies) {
        this.tallies = tallies;
    }

    public void submitted(Instant submittedAt, String divisionCode, String category, String channel,
                          String workerGroup) {
        String district = divisionCode == null || divisionCode.length() < 6 ? "unknown" : divisionCode.substring(0, 6);
        tallies.increment(LocalDate.ofInstant(submittedAt, BEIJING), district,
            category == null ? IntakeTally.UNCLASSIFIED : category, channel, workerGroup);
    }

    /** Counts within a jurisdiction only: a district's leaders see their district, the city's the whole city. */
    public IntakeSummary summary(HuiyinUser reader, LocalDate from, LocalDate to) {
        return IntakeSummary.of(reader.jurisdiction(), from, to, tallies.between(from, to, reader.jurisdictionPrefix()));
    }
}
