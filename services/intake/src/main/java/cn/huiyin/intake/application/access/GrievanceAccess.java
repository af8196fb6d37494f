package cn.huiyin.intake.application;

import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * Who among the staff may see a grievance, see who the worker is, and read their phone and ID numbers (ADR 0008).
 * <ul>
 *   <li>Clerks, operators, triage officers, supervisors and callback agents: grievances whose place lies in their
 *       jurisdiction.</li>
 *   <li>Organisation handlers and department liaisons: grievances their organisation handles or co-handles.</li>
 *   <li>Unmasked phone and ID numbers: only those who must contact the worker — the handling or co-handling
 *       organisation's handlers and liaisons, and callback agents — and every such read is audited.</li>
 *   <li>A confidential grievance never shows the worker to an enterprise party organisation.</li>
 * </ul>
 */
public final class GrievanceAccess {

    private GrievanceAccess() {
    }

    public static AccessScope scopeOf(HuiyinUser user) {
        if (user.hasAnyRole(Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON)
            && !user.hasAnyRole(Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.SUPERVISOR,
            Roles.CALLBACK_AGENT)) {
            return AccessScope.handledBy(user.org());
        }
        return AccessScope.territory(user.jurisdictionPrefix());
    }

    public static boolean canSee(HuiyinUser user, Grievance grievance) {
        AccessScope scope = scopeOf(user);
        if (scope.handlingOrg() != null) {
            return grievance.handling() != null && grievance.handling().involves(scope.handlingOrg());
        }
        return grievance.submission().place().divisionCode().startsWith(scope.divisionPrefix());
    }

    public static void requireVisible(HuiyinUser user, Grievance grievance) {
        if (!canSee(user, grievance)) {
            throw DomainException.forbidden("grievance.out-of-scope",
                "该诉求不在您的管辖或承办范围内", "This grievance is outside your jurisdiction or your organisation's cases");
        }
    }

    /** Whether the caller may see the worker's name at all (masked numbers are shown either way). */
    public static boolean canSeeIdentity(HuiyinUser user, Grievance grievance) {
        cn.huiyin.intake.domain.Handling handling = grievance.handling();
        boolean enterpriseCaller = handling != null && handling.involvesAsEnterprise(user.org());
        return !(grievance.isConfidential() && enterpriseCaller);
    }

    /** Whether the caller may read the worker's phone and ID numbers unmasked, to contact them. */
    public static boolean canContact(HuiyinUser user, Grievance grievance) {
        if (!canSeeIdentity(user, grievance)) {
            return false;
        }
        if (user.hasRole(Roles.CALLBACK_AGENT) && user.covers(grievance.submission().place().divisionCode())) {
            return true;
        }
        return user.hasAnyRole(Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON) && grievance.handling() != null
            && grievance.handling().involves(user.org());
    }
}
