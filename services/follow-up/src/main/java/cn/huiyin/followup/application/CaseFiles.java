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

    /** Case files whose next supervision step may be due at {@code now}, at most {@code limit}. */
    List<DueCheck> dueForSupervision(Instant now, int limit);

    /**
     * Stores a case file the scan supervised, and when its next step falls due — unless its plan was changed meanwhile.
     *
     * @throws ConcurrentChange if it changed since it was read
     */
    void updateSupervised(CaseFile caseFile, DueCheck check);

    /** The scan found an entry for a case file that is not there (its insert never happened): forget it. */
    void forget(DueCheck check);

    /**
     * A handler's cases: led or co-handled by {@code organisationId}, placed within {@code divisionPrefix}, in one of
     * {@code statuses}; the nearest deadline first (so overdue ones lead).
     */
    Page<CaseFile> handledBy(String organisationId, String divisionPrefix, Set<CaseStatus> statuses, int page, int size);

    /** Escalated cases (a card or a manual 督办) placed within {@code divisionPrefix}; {@code card} null for all. */
    Page<CaseFile> escalated(String divisionPrefix, Card card, int page, int size);

    /**
     * Case files with an extension request waiting for its decision (延期待审批), placed within {@code divisionPrefix};
     * the longest waiting first.
     */
    Page<CaseFile> awaitingExtensionDecision(String divisionPrefix, int page, int size);

    /** Resolved cases awaiting the callback, due by {@code dueBy}, within {@code divisionPrefix}; soonest first. */
    Page<CaseFile> callbacksDue(String divisionPrefix, Instant dueBy, int page, int size);

    /** Closed cases whose retaliation check is due by {@code dueBy}, within {@code divisionPrefix}; soonest first. */
    Page<CaseFile> retaliationChecksDue(String divisionPrefix, Instant dueBy, int page, int size);
}
