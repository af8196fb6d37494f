package cn.huiyin.triage.application;

import java.util.Set;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.TriageCase;

/**
 * Who may see what. An organisation handler sees the cases its organisation has or had to do with; a supervisor also
 * those of the organisations below it in the registry; a triage officer the cases whose place lies in their
 * jurisdiction. Lists apply the same rules inside their queries ({@link CaseSearch}, inbox by organisation).
 */
final class Reach {

    private Reach() {
    }

    static boolean canRead(Caller caller, TriageCase triageCase, OrganisationRegistry registry) {
        if (caller.has(Roles.SERVICE)) {
            return true;
        }
        if (caller.has(Roles.TRIAGE_OFFICER) && caller.covers(triageCase.grievance().divisionCode())) {
            return true;
        }
        Set<String> involved = triageCase.involvedOrganisations();
        String own = caller.organisationId();
        if (own == null) {
            return false;
        }
        if (caller.hasAny(Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.MEETING_CONVENER) && involved.contains(own)) {
            return true;
        }
        return caller.has(Roles.SUPERVISOR) && involved.stream().anyMatch(org -> registry.isSelfOrAbove(own, org));
    }

    static void requireCanRead(Caller caller, TriageCase triageCase, OrganisationRegistry registry) {
        if (!canRead(caller, triageCase, registry)) {
            throw DomainException.forbidden("case.out-of-reach",
                "诉求 " + triageCase.id() + " 不在您的单位或辖区范围内",
                "Grievance " + triageCase.id() + " is outside your organisation's cases and your jurisdiction");
        }
    }

    static void requireOfficerCovers(Caller caller, TriageCase triageCase) {
        if (!caller.covers(triageCase.grievance().divisionCode())) {
            throw DomainException.forbidden("case.out-of-jurisdiction",
                "诉求 " + triageCase.id() + " 的发生地不在您的辖区（" + caller.jurisdiction() + "）",
                "Grievance " + triageCase.id() + " lies outside your jurisdiction (" + caller.jurisdiction() + ")");
        }
    }

    static boolean canReadInbox(Caller caller, Organisation organisation, OrganisationRegistry registry) {
        String own = caller.organisationId();
        if (own != null && own.equals(organisation.id())) {
            return true;
        }
        if (caller.has(Roles.SUPERVISOR) && own != null && registry.isAbove(own, organisation.id())) {
            return true;
        }
        return caller.has(Roles.TRIAGE_OFFICER) && !organisation.jurisdiction().isEmpty()
            && organisation.jurisdiction().stream().allMatch(caller::covers);
    }

    static void requireCanReadInbox(Caller caller, Organisation organisation, OrganisationRegistry registry) {
        if (!canReadInbox(caller, organisation, registry)) {
            throw DomainException.forbidden("inbox.out-of-reach",
                "您无权查看 " + organisation.name() + " 的待办：只能查看本单位、下级单位（督办）或辖区内单位（分拨）的待办",
                "You may not read the inbox of " + organisation.id()
                    + ": only your own organisation's, those below it (supervisors) or those in your jurisdiction (triage officers)");
        }
    }
}
