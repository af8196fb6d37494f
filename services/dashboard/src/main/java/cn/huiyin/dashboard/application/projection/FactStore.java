package cn.huiyin.dashboard.application.projection;

import java.util.Optional;

/** Where the facts of each projection generation are kept (port). */
public interface FactStore {

    Optional<StoredFact> find(String generation, String grievanceId);

    /**
     * Whether {@code fact}, as read, had already applied the inbound event being handled on this thread (the platform
     * records each event in the same write as its effect).
     */
    boolean hasAppliedCurrentEvent(StoredFact fact);

    /** Stores a new fact; false, and nothing stored, if one exists already. */
    boolean addIfAbsent(StoredFact fact);

    /**
     * Stores a changed fact together with the record of the event being handled.
     *
     * @throws ConcurrentFactChange if it changed since it was read
     */
    void update(StoredFact fact);

    /** Forgets the pending cell work of {@code slot} once its cells are done, if it is still the one at {@code offset}. */
    void confirm(String generation, String grievanceId, String slot, long offset);
}
