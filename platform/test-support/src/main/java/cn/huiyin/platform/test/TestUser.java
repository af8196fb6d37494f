package cn.huiyin.platform.test;

import java.util.List;

/**
 * Someone to call a service as. Roles are the token's kebab-case names ({@code window-clerk}).
 *
 * @param jurisdiction administrative division code, e.g. {@code 510112} (龙泉驿区)
 */
public record TestUser(String username, List<String> roles, String org, String jurisdiction) {

    public static final String CITY = "510100";
    public static final String LONGQUANYI = "510112";

    public static TestUser of(String role) {
        return new TestUser(role + "-user", List.of(role), "org-test-" + role, CITY);
    }

    public static TestUser of(String role, String org, String jurisdiction) {
        return new TestUser(role + "@" + org, List.of(role), org, jurisdiction);
    }

    /** All roles of Huiyin, kebab case, as tokens carry them. */
    public static final List<String> ALL_ROLES = List.of("window-clerk", "hotline-operator", "triage-officer",
        "org-handler", "department-liaison", "meeting-convener", "supervisor", "callback-agent", "dashboard-viewer",
        "admin");
}
