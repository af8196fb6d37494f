package cn.huiyin.followup.application;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.kernel.DomainException;

/**
 * Reads a case file, applies one change, plans its next supervision step and stores it with its events — one
 * single-document write. When someone else changed it in between (another request, another instance's scan, an
 * event), it reads again and applies the change again: the change decides anew on the fresh state, so nothing is done
 * twice.
 */
public class CaseChanges {

    private static final int ATTEMPTS = 5;

    private final CaseFiles cases;
    private final Organisations organisations;
    private final WorkingTime time;

    public CaseChanges(CaseFiles cases, Organisations organisations, WorkingTime time) {
        this.cases = cases;
        this.organisations = organisations;
        this.time = time;
    }

    public CaseFile load(String grievanceId) {
        return cases.find(grievanceId).orElseThrow(() -> DomainException.notFound("case.unknown",
            "跟踪督办中没有编号为 " + grievanceId + " 的案件", "Follow-up has no case for grievance " + grievanceId));
    }

    /** Applies {@code change} to an existing case file; domain refusals propagate with nothing stored. */
    public CaseFile change(String grievanceId, Consumer<CaseFile> change) {
        return changeCounting(grievanceId, caseFile -> {
            change.accept(caseFile);
            return 0;
        }).caseFile();
    }

    /** The case file after a change, and what the change counted (e.g. supervision steps issued). */
    public record Changed(CaseFile caseFile, int count) {
    }

    public Changed changeCounting(String grievanceId, ToIntFunction<CaseFile> change) {
        for (int attempt = 1; ; attempt++) {
            CaseFile caseFile = load(grievanceId);
            int count = change.applyAsInt(caseFile);
            caseFile.replan(time);
            try {
                cases.update(caseFile);
                return new Changed(caseFile, count);
            } catch (ConcurrentChange e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Takes the supervision steps due on a case file the scan found, stores it and tells the store when it is next
     * due; nothing if the case file is not there.
     *
     * @return the steps issued
     */
    public int supervise(DueCheck check, ToIntFunction<CaseFile> steps) {
        for (int attempt = 1; ; attempt++) {
            var found = cases.find(check.id());
            if (found.isEmpty()) {
                cases.forget(check);
                return 0;
            }
            CaseFile caseFile = found.get();
            int count = steps.applyAsInt(caseFile);
            caseFile.replan(time);
            try {
                cases.updateSupervised(caseFile, check);
                return count;
            } catch (ConcurrentChange e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Applies what another service said to the case file, opening one if this is the first follow-up hears of the
     * grievance. Events from intake and triage arrive on two topics in no fixed order, so either may open it.
     */
    public void record(String grievanceId, Instant heardAt, Consumer<CaseFile> change) {
        for (int attempt = 1; ; attempt++) {
            var existing = cases.find(grievanceId);
            CaseFile caseFile = existing.orElseGet(() -> CaseFile.open(grievanceId, heardAt));
            change.accept(caseFile);
            caseFile.replan(time);
            try {
                if (existing.isPresent()) {
                    cases.update(caseFile);
                    return;
                }
                if (cases.addIfAbsent(caseFile)) {
                    return;
                }
            } catch (ConcurrentChange e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentChange(grievanceId);
            }
        }
    }

    /** The lead and the organisations above it, from follow-up's registry view or as triage named them. */
    public Hierarchy hierarchyOf(CaseFile caseFile) {
        return caseFile.handling().map(h -> organisations.hierarchyOf(h.lead(), h.ancestors()))
            .orElseThrow(() -> DomainException.conflict("case.not-assigned", "本诉求尚未派单",
                "This grievance has not been assigned yet"));
    }

    public WorkingTime time() {
        return time;
    }
}
