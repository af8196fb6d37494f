package cn.huiyin.followup.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.followup.domain.supervision.Card;

/**
 * Where follow-up keeps its case files. Storing one also stores the events it raised, in the same single-document
 * write. Every list takes the caller's reach as part of its query: what lies outside is never read.
 */
public interface CaseFiles {

    /** @return false, and nothing stored, if a case file for this grievance exists */
    boolean addIfAbsent(CaseFile caseFile);

    Optional<CaseFile> find(String grievanceId);

    /** @throws ConcurrentChange if it changed since it was read */
    void update(CaseFile caseFile);

    /** Ids of case files whose next supervision step is due at {@code now}, at most {@code limit}. */
    List<String> dueForSupervision(Instant now, int limit);

    /**
     * A handler's cases: led or co-handled by {@code organisationId}, placed within {@code divisionPrefix}, in one of
     * {@code statuses}; the nearest deadline first (so overdue ones lead).
     */
    Page<CaseFile> handledBy(String organisationId, String divisionPrefix, Set<CaseStatus> statuses, int page, int size);

    /** Escalated cases (a card or a manual 督办) placed within {@code divisionPrefix}; {@code card} null for all. */
    Page<CaseFile> escalated(String divisionPrefix, Card card, int page, int size);

    /** Resolved cases awaiting the callback, due by {@code dueBy}, within {@code divisionPrefix}; soonest first. */
    Page<CaseFile> callbacksDue(String divisionPrefix, Instant dueBy, int page, int size);

    /** Closed cases whose retaliation check is due by {@code dueBy}, within {@code divisionPrefix}; soonest first. */
    Page<CaseFile> retaliationChecksDue(String divisionPrefix, Instant dueBy, int page, int size);
}
