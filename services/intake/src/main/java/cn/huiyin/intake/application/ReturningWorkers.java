package cn.huiyin.intake.application;

import java.util.List;

import cn.huiyin.intake.application.access.AccessScope;
import cn.huiyin.intake.application.access.GrievanceAccess;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.platform.kernel.ChinaIdentifiers;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.audit.AuditTrail;

/**
 * 回头客查询: a worker back at the window or on the hotline gives their mobile number, and the clerk sees the worker's
 * earlier grievances within the clerk's own jurisdiction (the scope is part of the query) and the name the worker gave
 * last, masked (李*) as everywhere else a clerk sees it: enough to confirm with the worker at the counter, not enough
 * to learn who owns a number. The number is matched exactly, through the worker's pseudonym
 * (the stored numbers are encrypted). Each grievance shown is an audited read of personal data, written before the
 * answer: the look-up ties a number to those grievances.
 *
 * <p>A confidential worker's earlier grievances are shown too, marked as confidential: confidentiality protects the
 * worker from the enterprise, and clerks and operators are government staff who already read grievances of their
 * territory (docs/privacy.md); the enterprise never reaches this look-up.
 */
public class ReturningWorkers {

    /** How many earlier grievances at most: enough for a counter, not a listing of everyone's. */
    static final int LIMIT = 20;
    static final String REASON = "回头客查询（窗口/热线受理） returning-worker look-up";

    /** @param workerName the name the worker gave on their latest grievance whose personal data is still kept, masked */
    public record Found(String workerName, List<Grievance> grievances) {
    }

    private final Grievances grievances;
    private final WorkerPseudonyms pseudonyms;
    private final AuditTrail audit;

    public ReturningWorkers(Grievances grievances, WorkerPseudonyms pseudonyms, AuditTrail audit) {
        this.grievances = grievances;
        this.pseudonyms = pseudonyms;
        this.audit = audit;
    }

    public Found lookUp(Caller caller, String mobile) {
        if (!ChinaIdentifiers.isMainlandMobile(mobile)) {
            throw new InvalidFieldsException(List.of(new FieldProblem("mobile", "MainlandMobile",
                "手机号应为 11 位中国大陆手机号码", "must be an 11-digit mainland China mobile number")));
        }
        AccessScope scope = GrievanceAccess.scopeOf(caller);
        if (!caller.hasAny(Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR) || scope.isEmpty()
            || scope.handlingOrg() != null) {
            return new Found(null, List.of());
        }
        List<Grievance> found = grievances.ofWorker(pseudonyms.of(mobile), scope, LIMIT);
        String name = found.stream().filter(g -> !g.worker().isErased()).map(g -> ChinaIdentifiers.maskName(g.worker().name())).findFirst()
            .orElse(null);
        for (Grievance grievance : found) {
            audit.personalDataRead(grievance.id(), grievance.submission().place().divisionCode(),
                grievance.worker().isErased() ? List.of("mobile") : List.of("name", "mobile"), REASON);
        }
        return new Found(name, found);
    }
}
