package cn.huiyin.dashboard.application;

import java.time.LocalDate;
import java.util.List;

import cn.huiyin.dashboard.domain.IntakeTally;

/** Where the dashboard keeps its counts. */
public interface IntakeTallies {

    void increment(LocalDate day, String district, String category, String channel, String workerGroup);

    /** Tallies of the period whose district starts with {@code districtPrefix} (the reader's jurisdiction). */
    List<IntakeTally> between(LocalDate from, LocalDate to, String districtPrefix);
}
