package cn.huiyin.intake.domain;

import java.util.List;

/**
 * Who handles the grievance, as triage decided: the responsible organisation and the departments co-handling it.
 * Intake learns it from triage's events; it decides who among the staff may see the case.
 */
public record Handling(String orgId, String orgName, String orgType, List<String> coHandlingOrgIds) {

    public Handling {
        coHandlingOrgIds = coHandlingOrgIds == null ? List.of() : List.copyOf(coHandlingOrgIds);
    }

    public boolean involves(String org) {
        return org != null && (org.equals(orgId) || coHandlingOrgIds.contains(org));
    }

    /** Enterprise party organisations of platform firms never see a worker who asked for confidentiality. */
    public static boolean isEnterprise(String orgType) {
        return "ENTERPRISE".equals(orgType);
    }
}
