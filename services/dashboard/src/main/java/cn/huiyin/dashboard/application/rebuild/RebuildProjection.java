package cn.huiyin.dashboard.application.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import cn.huiyin.dashboard.application.organisation.FollowOrganisations;
import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.application.projection.ProjectionState;
import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.platform.kernel.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the projection from the full history of the topics into a fresh generation, while the live one keeps
 * answering, and switches over once caught up:
 * <ol>
 *   <li><b>replay</b> every slot from its first record to its end, many records per write (facts first, then cells),
 *       then again to the new end while the lag is large;</li>
 *   <li><b>hand-over</b>: live consumers hold their next event (they write to no generation while it lasts); once
 *       no consumer can still be writing to the old generation the rebuild replays every slot to its end as it is
 *       then;</li>
 *   <li><b>switch</b>: the new generation goes live and the held events go on into it. An event the rebuild already
 *       applied (a consumer that lagged behind the end) is recognised by its fact and changes nothing.</li>
 * </ol>
 * A rebuild that fails leaves the live generation as it was; a new one starts from scratch.
 */
public class RebuildProjection {

    private static final Logger log = LoggerFactory.getLogger(RebuildProjection.class);

    /** Below this many records still to read the hand-over starts. */
    static final long HANDOFF_LAG = 2_000;
    static final Duration STALE = Duration.ofMinutes(2);

    private final History history;
    private final FactBatches facts;
    private final CellStore cells;
    private final ProjectionState state;
    private final LiveGeneration live;
    private final FollowOrganisations organisations;
    private final Executor executor;
    private final Clock clock;
    private final int batchSize;

    public RebuildProjection(History history, FactBatches facts, CellStore cells, ProjectionState state,
                             LiveGeneration live, FollowOrganisations organisations, Executor executor, Clock clock,
                             int batchSize) {
        this.history = history;
        this.facts = facts;
        this.cells = cells;
        this.state = state;
        this.live = live;
        this.organisations = organisations;
        this.executor = executor;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Starts a rebuild in the background; refused while another one is running. */
    public RebuildProgressView start(String by) {
        ProjectionState.Generations generations = state.read();
        String next = next(generations);
        Instant now = clock.instant();
        if (!state.startRebuild(next, by, now, now.minus(STALE))) {
            throw DomainException.conflict("rebuild.running", "已有重建正在进行", "a rebuild is already running");
        }
        live.refresh();
        executor.execute(() -> run(next));
        return progress();
    }

    public RebuildProgressView progress() {
        ProjectionState.Generations generations = state.read();
        ProjectionState.Rebuild rebuild = generations.rebuild();
        if (rebuild == null) {
            throw DomainException.notFound("rebuild.none", "尚未进行过重建", "no rebuild has been run");
        }
        ProjectionState.Progress p = rebuild.progress();
        long read = p == null ? 0 : p.read();
        long total = p == null ? 0 : Math.max(p.total(), p.read());
        double rate = p == null ? 0 : p.ratePerSecond();
        double percent = total == 0 ? (rebuild.phase() == ProjectionState.Phase.DONE ? 100 : 0)
            : Math.min(100, Math.round(1000.0 * read / total) / 10.0);
        Long eta = rate <= 0 || rebuild.phase() != ProjectionState.Phase.REPLAYING ? null
            : (long) Math.ceil((total - read) / rate);
        return new RebuildProgressView(rebuild.generation(), rebuild.phase().name(), generations.current(), rebuild.by(),
            rebuild.startedAt(), rebuild.finishedAt(), read, total, percent, Math.round(rate), eta,
            p == null ? 0 : p.applied(), rebuild.failure());
    }

    /** Runs a rebuild into {@code generation} in this thread. */
    void run(String generation) {
        Counting counting = new Counting();
        try (History.Reader reader = history.open()) {
            Map<String, Long> end = reader.endOffsets();
            counting.total = total(reader.beginningOffsets(), end);
            log.info("Rebuilding the dashboard projection into {}: replaying {} slots up to {}", generation, end.size(), end);
            replay(reader, generation, end, counting);
            for (int round = 0; round < 20; round++) {
                end = reader.endOffsets();
                long behind = behind(reader.positions(), end);
                counting.total += behind;
                if (behind < HANDOFF_LAG) {
                    break;
                }
                replay(reader, generation, end, counting);
            }
            state.beginHandoff(clock.instant());
            live.refresh();
            pause(LiveGeneration.MAX_AGE.multipliedBy(3));
            Map<String, Long> boundary = reader.endOffsets();
            log.info("Hand-over of {}: the rebuild replays up to {} and the live consumers go on from there", generation,
                boundary);
            counting.total += behind(reader.positions(), boundary);
            replay(reader, generation, boundary, counting);
            report(counting, true);
            state.switchOver(clock.instant());
            live.refresh();
            log.info("Dashboard projection rebuilt into {}: {} records, {} events applied", generation,
                counting.read, counting.applied);
        } catch (RuntimeException | Error e) {
            log.error("Rebuild of the dashboard projection into {} failed", generation, e);
            state.fail(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            live.refresh();
        }
    }

    private void replay(History.Reader reader, String generation, Map<String, Long> stopAt, Counting counting) {
        while (behind(reader.positions(), stopAt) > 0) {
            History.Batch batch = reader.poll(batchSize, stopAt);
            counting.applied += apply(generation, batch.events());
            counting.read += batch.recordsRead();
            report(counting, false);
        }
    }

    /** Applies a batch: each fact once from its state before the batch to its state after it (the deltas telescope). */
    int apply(String generation, List<HistoricEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Long> highest = new HashMap<>();
        for (HistoricEvent event : events) {
            ids.addAll(event.grievanceIds());
        }
        Map<String, FactBatches.BatchFact> loaded = new HashMap<>(facts.load(generation, ids));
        Map<String, CaseFact> before = new HashMap<>();
        Map<String, FactBatches.BatchFact> touched = new LinkedHashMap<>();
        int applied = 0;
        for (HistoricEvent event : events) {
            highest.merge(event.position().slot(), event.position().offset(), Math::max);
            if (event.organisation() != null) {
                organisations.updated(event.organisation());
                applied++;
                continue;
            }
            for (String id : event.grievanceIds()) {
                FactBatches.BatchFact fact = loaded.computeIfAbsent(id, k -> facts.create(generation, k));
                if (fact.hasApplied(event.identity())) {
                    continue;
                }
                before.computeIfAbsent(id, k -> fact.fact().copy());
                event.change().accept(fact.fact());
                fact.markApplied(event.identity());
                touched.put(id, fact);
                applied++;
            }
        }
        Map<CellKey, Map<String, Long>> deltas = new HashMap<>();
        touched.forEach((id, fact) -> Contribution.delta(before.get(id), fact.fact()).forEach((cell, fields) -> {
            Map<String, Long> sum = deltas.computeIfAbsent(cell, k -> new HashMap<>());
            fields.forEach((name, value) -> sum.merge(name, value, Long::sum));
        }));
        facts.store(touched.values());
        cells.addBatch(generation, deltas, highest);
        return applied;
    }

    private void report(Counting counting, boolean now) {
        long nanos = System.nanoTime();
        if (!now && nanos - counting.lastReport < 1_000_000_000L) {
            return;
        }
        double seconds = (nanos - counting.lastReport) / 1e9;
        double rate = seconds <= 0 ? 0 : (counting.read - counting.readAtLastReport) / seconds;
        counting.lastReport = nanos;
        counting.readAtLastReport = counting.read;
        state.progress(new ProjectionState.Progress(counting.read, counting.total, rate, counting.applied,
            clock.instant()));
    }

    private static long total(Map<String, Long> beginning, Map<String, Long> end) {
        long total = 0;
        for (Map.Entry<String, Long> slot : end.entrySet()) {
            total += Math.max(0, slot.getValue() - beginning.getOrDefault(slot.getKey(), 0L));
        }
        return total;
    }

    private static long behind(Map<String, Long> positions, Map<String, Long> stopAt) {
        long behind = 0;
        for (Map.Entry<String, Long> slot : stopAt.entrySet()) {
            behind += Math.max(0, slot.getValue() - positions.getOrDefault(slot.getKey(), 0L));
        }
        return behind;
    }

    private static String next(ProjectionState.Generations generations) {
        String current = generations.current();
        int number = Integer.parseInt(current.substring(1));
        if (generations.rebuild() != null) {
            number = Math.max(number, Integer.parseInt(generations.rebuild().generation().substring(1)));
        }
        return "g" + (number + 1);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static final class Counting {
        long read;
        long total;
        long applied;
        long lastReport = System.nanoTime();
        long readAtLastReport;
    }
}
