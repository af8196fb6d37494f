package cn.huiyin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.Position;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cells take each record's deltas once, written many cells per request: a record delivered again at its offset
 * adds nothing to the cells that took it and still adds to those that had not, and consumers of different partitions
 * creating the same cells at once lose nothing.
 */
@ServiceTest
class CellStoreTest {

    @Autowired
    CellStore cells;

    private final String generation = "t" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRecordDeliveredAgainAddsOnlyWhereItWasNotYetCounted() {
        CellKey month = new CellKey("620321", "M2025-04", CellGroup.ALL);
        CellKey day = new CellKey("620321", "D2025-04-17", CellGroup.ALL);
        CellKey street = new CellKey("620321100", "M2025-04", CellGroup.ALL);
        Position first = new Position("huiyin.intake.grievance.v1-0", 41);

        cells.apply(generation, Map.of(month, Map.of("t.rcv", 1L), day, Map.of("t.rcv", 1L)), first);
        cells.apply(generation, Map.of(month, Map.of("t.rcv", 1L), day, Map.of("t.rcv", 1L),
            street, Map.of("t.rcv", 1L)), first);
        cells.apply(generation, Map.of(month, Map.of("t.rcv", 1L, "t.val", 1L)),
            new Position("huiyin.intake.grievance.v1-0", 42));
        cells.apply(generation, Map.of(month, Map.of("t.rcv", 1L)), new Position("huiyin.intake.grievance.v1-0", 40));

        Map<CellKey, Map<String, Map<String, Long>>> read = cells.read(generation, List.of(month, day, street));
        assertThat(read.get(month).get("t")).containsEntry("rcv", 2L).containsEntry("val", 1L);
        assertThat(read.get(day).get("t")).containsEntry("rcv", 1L);
        assertThat(read.get(street).get("t")).as("it had not taken the record before the redelivery")
            .containsEntry("rcv", 1L);
        assertThat(cells.scopes(generation, "M2025-04", CellGroup.ALL)).as("a cell created by an upsert is findable")
            .containsExactlyInAnyOrder("620321", "620321100");
    }

    @Test
    void consumersOfManyPartitionsCreatingTheSameCellsAtOnceLoseNothing() {
        List<CellKey> shared = IntStream.range(0, 20)
            .mapToObj(i -> new CellKey("6203" + (10 + i), "M2025-04", CellGroup.DIMS)).toList();
        List<CompletableFuture<Void>> consumers = IntStream.range(0, 6).mapToObj(partition ->
            CompletableFuture.runAsync(() -> {
                for (int offset = 0; offset < 10; offset++) {
                    Map<CellKey, Map<String, Long>> deltas = new java.util.HashMap<>();
                    shared.forEach(key -> deltas.put(key, Map.of("WAGES.rcv", 1L)));
                    cells.apply(generation, deltas, new Position("huiyin.triage.case.v1-" + partition, offset));
                }
            })).toList();
        consumers.forEach(CompletableFuture::join);

        Map<CellKey, Map<String, Map<String, Long>>> read = cells.read(generation, shared);
        assertThat(read).hasSize(20);
        read.values().forEach(rows -> assertThat(rows.get("WAGES").get("rcv")).isEqualTo(60L));
    }

    @Test
    void aBatchAddsItsSumsAndKeepsTheHighestOffsets() {
        CellKey month = new CellKey("620300", "M2025-05", CellGroup.ORG);

        cells.addBatch(generation, Map.of(month, Map.of("org-jc-freight.rcv", 3L)), Map.of("s-0", 10L));
        cells.addBatch(generation, Map.of(month, Map.of("org-jc-freight.rcv", 2L, "org-jc-freight.cls", 1L)),
            Map.of("s-0", 12L));

        assertThat(cells.read(generation, List.of(month)).get(month).get("org-jc-freight"))
            .containsEntry("rcv", 5L).containsEntry("cls", 1L);
    }
}
