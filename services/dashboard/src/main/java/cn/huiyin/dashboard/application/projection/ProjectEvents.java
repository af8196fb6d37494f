package cn.huiyin.dashboard.application.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * Applies each event of intake, triage, follow-up and joint-meeting to the dashboard, once, by construction:
 * <ol>
 *   <li>the grievance's fact is changed in one write that also records the event (the platform's aggregate store) and
 *       keeps the fact before and after it as pending cell work for the event's slot;</li>
 *   <li>the cell deltas — the fact's contribution after minus before — are added to the cells, each guarded by the
 *       highest offset of that slot the cell applied, recorded in the same write;</li>
 *   <li>the pending work is forgotten.</li>
 * </ol>
 * A record delivered again at the same offset (the process died between 1 and 3) finds its pending work and re-adds
 * it: the cells that counted it already skip it. The same event published twice (another offset) finds the fact
 * already applied it and changes nothing.
 */
public class ProjectEvents {

    /** Events of several topics about one grievance arrive together; a lost race is retried here, after a pause. */
    private static final int ATTEMPTS = 25;

    private final FactStore facts;
    private final CellStore cells;
    private final LiveGeneration generation;

    public ProjectEvents(FactStore facts, CellStore cells, LiveGeneration generation) {
        this.facts = facts;
        this.cells = cells;
        this.generation = generation;
    }

    /** Applies an event about one grievance. */
    public void apply(String grievanceId, Position position, Consumer<CaseFact> change) {
        applyTo(generation.forEvent(position), grievanceId, position, change);
    }

    /**
     * Applies an event about several grievances (a joint meeting's decision): each fact records it. The i-th grievance
     * counts under its own sub-slot ({@code <slot>#<i>}), so that two grievances of one record that share a cell do
     * not take each other for a redelivery.
     */
    public void applyToEach(List<String> grievanceIds, Position position, Consumer<CaseFact> change) {
        String target = generation.forEvent(position);
        for (int i = 0; i < grievanceIds.size(); i++) {
            Position own = position == null || i == 0 ? position : new Position(position.slot() + "#" + i, position.offset());
            applyTo(target, grievanceIds.get(i), own, change);
        }
    }

    void applyTo(String target, String grievanceId, Position position, Consumer<CaseFact> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<StoredFact> found = facts.find(target, grievanceId);
            if (found.isEmpty()) {
                CaseFact after = new CaseFact(grievanceId);
                change.accept(after);
                StoredFact created = new StoredFact(target, after, null);
                created.remember(position, null, after.copy());
                if (facts.addIfAbsent(created)) {
                    count(target, grievanceId, position, Contribution.delta(null, after));
                    return;
                }
                continue;
            }
            StoredFact stored = found.get();
            if (facts.hasAppliedCurrentEvent(stored)) {
                finishInterrupted(target, stored, position);
                return;
            }
            CaseFact before = stored.fact().copy();
            change.accept(stored.fact());
            stored.remember(position, before, stored.fact().copy());
            try {
                facts.update(stored);
            } catch (ConcurrentFactChange conflict) {
                if (attempt < ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                throw conflict;
            }
            count(target, grievanceId, position, Contribution.delta(before, stored.fact()));
            return;
        }
    }

    /** The same record again: if its cell work is still pending, the process died before finishing it. */
    private void finishInterrupted(String target, StoredFact stored, Position position) {
        if (position == null) {
            return;
        }
        Pending pending = stored.pending().get(position.slot());
        if (pending != null && pending.offset() == position.offset()) {
            count(target, stored.grievanceId(), position, Contribution.delta(pending.before(), pending.after()));
        }
    }

    private void count(String target, String grievanceId, Position position, Map<CellKey, Map<String, Long>> deltas) {
        cells.apply(target, deltas, position);
        if (position != null) {
            facts.confirm(target, grievanceId, position.slot(), position.offset());
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20) * Math.min(attempt, 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a fact change", e);
        }
    }
}
