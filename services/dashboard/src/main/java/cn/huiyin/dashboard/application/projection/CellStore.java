package cn.huiyin.dashboard.application.projection;

import java.util.Collection;
import java.util.Map;

import cn.huiyin.dashboard.domain.cell.CellKey;

/** Where the pre-aggregated cells of each projection generation are kept (port). */
public interface CellStore {

    /**
     * Adds one event's deltas to its cells. Each cell takes them only if it has not yet applied a record of the same
     * slot at this offset or later, and records the offset in the same write, so a redelivered record changes nothing
     * a second time. With no position (not from Kafka) the deltas are added unguarded.
     */
    void apply(String generation, Map<CellKey, Map<String, Long>> deltas, Position position);

    /**
     * Adds deltas summed over many records (a rebuild, the only writer of its generation), recording for each cell the
     * highest offset per slot the batch read.
     */
    void addBatch(String generation, Map<CellKey, Map<String, Long>> deltas, Map<String, Long> highestOffsets);

    /** The territories that have a cell of {@code group} for {@code period} (e.g. {@code M2026-11}). */
    java.util.Set<String> scopes(String generation, String period, cn.huiyin.dashboard.domain.cell.CellGroup group);

    /** The cells asked for that exist, each as row key → counter code → value. */
    Map<CellKey, Map<String, Map<String, Long>>> read(String generation, Collection<CellKey> keys);
}
