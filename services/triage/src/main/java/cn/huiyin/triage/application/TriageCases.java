package cn.huiyin.triage.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.huiyin.triage.domain.TriageCase;

/** Where triage keeps its cases. Storing one also stores the events it raised, atomically. */
public interface TriageCases {

    /**
     * Stores a new case.
     *
     * @return false if a case for this grievance already exists (the event was seen before)
     */
    boolean addIfAbsent(TriageCase triageCase);

    Optional<TriageCase> find(String grievanceId);

    /**
     * Stores a case read earlier, with its new events.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException (as a runtime exception) if someone changed it
     *         in between; the web layer answers 409
     */
    void update(TriageCase triageCase);

    /** A page of cases within {@code scope}, newest first. The scope is part of the query. */
    List<TriageCase> search(CaseSearch search, Instant now, int page, int size);

    long count(CaseSearch search, Instant now);
}
