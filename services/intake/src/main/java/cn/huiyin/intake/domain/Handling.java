package cn.huiyin.intake.domain;

import java.util.List;

/**
 * Who handles the grievance, as triage decided: the responsible organisation and the organisations co-handling it
 * (departments, and sometimes the platform firm's own party organisation). Intake learns it from triage's events; it
 * decides who among the staff may see the case and who must never see a confidential worker.
 *
 * @param enterpriseOrgIds those of the involved organisations that are enterprise party organisations of platform
 *                         firms — the firms workers fear retaliation from
 */
public record Handling(String orgId, String orgName, String orgType, List<String> coHandlingOrgIds,
                       List<String> enterpriseOrgIds) {

    public static final String ENTERPRISE = "ENTERPRISE";

    public Handling {
        coHandlingOrgIds = coHandlingOrgIds == null ? List.of() : List.copyOf(coHandlingOrgIds);
        enterpriseOrgIds = enterpriseOrgIds == null ? List.of() : List.copyOf(enterpriseOrgIds);
    }

    public boolean involves(String org) {
        return org != null && (org.equals(orgId) || coHandlingOrgIds.contains(org));
    }

    /** Whether {@code org} takes part as an enterprise party organisation (main handler or co-handler). */
    public boolean involvesAsEnterprise(String org) {
        return org != null && (ENTERPRISE.equals(orgType) && org.equals(orgId) || enterpriseOrgIds.contains(org));
    }
}
