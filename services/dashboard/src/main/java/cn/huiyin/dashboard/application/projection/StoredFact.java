package cn.huiyin.dashboard.application.projection;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/**
 * A grievance's fact as a projection generation stores it: one document, written once per applied event together with
 * the record of that event (by the platform's aggregate store) and the {@link Pending} cell work per slot.
 */
public final class StoredFact {

    private final String generation;
    private final CaseFact fact;
    private final Map<String, Pending> pending;

    public StoredFact(String generation, CaseFact fact, Map<String, Pending> pending) {
        this.generation = generation;
        this.fact = fact;
        this.pending = pending == null ? new LinkedHashMap<>() : new LinkedHashMap<>(pending);
    }

    public String generation() {
        return generation;
    }

    public String grievanceId() {
        return fact.grievanceId();
    }

    public CaseFact fact() {
        return fact;
    }

    public Map<String, Pending> pending() {
        return pending;
    }

    void remember(Position position, CaseFact before, CaseFact after) {
        if (position != null) {
            pending.put(position.slot(), new Pending(position.offset(), before, after));
        }
    }
}
