package cn.huiyin.platform.kernel.access;

import java.util.Locale;

/**
 * The roles of Huiyin's users, as used in {@code @RolesAllowed}. Tokens carry them in the {@code roles} claim in
 * kebab case ({@code window-clerk}); Spring Security sees {@code ROLE_WINDOW_CLERK}. The worker has no account: they
 * act through the tracking-number self-service.
 */
public final class Roles {

    /** 窗口工作人员: files grievances at a service-hall window. */
    public static final String WINDOW_CLERK = "WINDOW_CLERK";
    /** 热线话务员: files grievances taken on the 12345 / 12328 hotlines. */
    public static final String HOTLINE_OPERATOR = "HOTLINE_OPERATOR";
    /** 分拨员: classifies and routes grievances, overrides routing. */
    public static final String TRIAGE_OFFICER = "TRIAGE_OFFICER";
    /** 承办单位经办人: handles cases assigned to their organisation. */
    public static final String ORG_HANDLER = "ORG_HANDLER";
    /** 成员单位联络员: a member department co-handling a case (人社, 司法, ...). */
    public static final String DEPARTMENT_LIAISON = "DEPARTMENT_LIAISON";
    /** 联席会议召集人: convenes joint meetings. */
    public static final String MEETING_CONVENER = "MEETING_CONVENER";
    /** 督办人员: watches deadlines, escalates; sees organisations below their own. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** 回访员: calls the worker back for the evaluation. */
    public static final String CALLBACK_AGENT = "CALLBACK_AGENT";
    /** 看板查看人: reads aggregates for their own jurisdiction. */
    public static final String DASHBOARD_VIEWER = "DASHBOARD_VIEWER";
    /** 系统管理员: reference data, organisation registry. */
    public static final String ADMIN = "ADMIN";
    /** Another Huiyin service calling with its own client credentials. */
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }

    /** {@code window-clerk} (token) → {@code WINDOW_CLERK}. */
    public static String fromClaim(String claim) {
        return claim.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code WINDOW_CLERK} → {@code window-clerk} (token). */
    public static String toClaim(String role) {
        return role.replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
