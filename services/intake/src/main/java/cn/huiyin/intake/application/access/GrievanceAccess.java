package cn.huiyin.intake.application.access;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * Who among the staff may read a grievance at all, and where they stand towards it; what they then see of the
 * worker is the platform's {@link PersonalDataPolicy} (docs/privacy.md).
 * <ul>
 *   <li>Clerks, operators, triage officers, supervisors and callback agents: grievances whose place lies in their
 *       jurisdiction.</li>
 *   <li>Organisation handlers and department liaisons: grievances their organisation handles or co-handles.</li>
 *   <li>Nobody else, and nobody whose token lacks a usable jurisdiction or organisation.</li>
 * </ul>
 */
public final class GrievanceAccess {

    private GrievanceAccess() {
    }

    public static AccessScope scopeOf(Caller caller) {
        if (caller.hasAny(Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.SUPERVISOR,
            Roles.CALLBACK_AGENT)) {
            return AccessScope.territory(caller.jurisdiction());
        }
        if (caller.hasAny(Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON)) {
            return AccessScope.handledBy(caller.organisationId());
        }
        return AccessScope.territory(null);
    }

    public static boolean canSee(Caller caller, Grievance grievance) {
        AccessScope scope = scopeOf(caller);
        if (scope.isEmpty()) {
            return false;
        }
        if (scope.handlingOrg() != null) {
            return grievance.handling() != null && grievance.handling().involves(scope.handlingOrg());
        }
        return scope.territory().covers(grievance.submission().place().divisionCode());
    }

    public static void requireVisible(Caller caller, Grievance grievance) {
        if (!canSee(caller, grievance)) {
            throw DomainException.forbidden("grievance.out-of-scope",
                "该诉求不在您的管辖或承办范围内", "This grievance is outside your jurisdiction or your organisation's cases");
        }
    }

    /** Where the caller stands towards the grievance, as the personal-data policy needs to know it. */
    public static PersonalDataPolicy.Standing standing(Caller caller, Grievance grievance) {
        Handling handling = grievance.handling();
        String org = caller.organisationId();
        return new PersonalDataPolicy.Standing(grievance.isConfidential(),
            caller.covers(grievance.submission().place().divisionCode()),
            handling != null && handling.involves(org),
            handling != null && handling.involvesAsEnterprise(org));
    }

    /** What the caller may see of the worker on this grievance. */
    public static Disclosure disclosure(Caller caller, Grievance grievance) {
        return new Disclosure(caller, standing(caller, grievance));
    }
}
