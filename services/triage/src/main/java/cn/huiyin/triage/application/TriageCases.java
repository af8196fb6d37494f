package cn.huiyin.triage.application;

import java.util.Optional;

import cn.huiyin.triage.domain.TriageCase;

/** Where triage keeps its cases. */
public interface TriageCases {

    /**
     * Stores a new case.
     *
     * @return false if a case for this grievance already exists (the event was seen before)
     */
    boolean addIfAbsent(TriageCase triageCase);

    Optional<TriageCase> find(String grievanceId);
}
