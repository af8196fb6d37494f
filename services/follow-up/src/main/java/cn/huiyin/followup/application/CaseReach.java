package cn.huiyin.followup.application;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * Who may see a case file: the organisations handling it, the organisations above the lead (they decide extensions and
 * supervise), supervisors and callback agents whose jurisdiction covers the place, and other Huiyin services.
 */
final class CaseReach {

    private CaseReach() {
    }

    static boolean mayRead(Caller caller, CaseFile caseFile, Hierarchy hierarchy) {
        if (caller.has(Roles.SERVICE)) {
            return true;
        }
        boolean involved = caseFile.handling().map(h -> h.involves(caller.organisationId())).orElse(false);
        boolean above = hierarchy != null && hierarchy.isAbove(caller.organisationId());
        boolean covers = caller.hasAny(Roles.SUPERVISOR, Roles.CALLBACK_AGENT)
            && caller.covers(caseFile.facts().divisionCode());
        return involved || above || covers;
    }

    static void requireRead(Caller caller, CaseFile caseFile, Hierarchy hierarchy) {
        if (!mayRead(caller, caseFile, hierarchy)) {
            throw outside();
        }
    }

    /** Supervisors act on cases in their jurisdiction, or led by an organisation below their own. */
    static void requireSupervises(Caller caller, CaseFile caseFile, Hierarchy hierarchy) {
        if (!caller.covers(caseFile.facts().divisionCode()) && !hierarchy.isAbove(caller.organisationId())) {
            throw outside();
        }
    }

    /** Callback agents call back on cases in their jurisdiction. */
    static void requireCallbackJurisdiction(Caller caller, CaseFile caseFile) {
        if (caller.has(Roles.CALLBACK_AGENT) && !caller.covers(caseFile.facts().divisionCode())) {
            throw outside();
        }
    }

    static DomainException outside() {
        return DomainException.forbidden("case.outside-reach", "该案件不在您的办理或管辖范围内",
            "This case is outside your organisation's cases and your jurisdiction");
    }
}
