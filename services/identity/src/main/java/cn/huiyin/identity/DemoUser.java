package cn.huiyin.identity;

import java.util.List;

/**
 * A demo account of {@code contracts/reference-data/demo-users.json}. DEMO ONLY: its password is
 * {@code demo-only-<username>}.
 *
 * @param username the login name, also the {@code sub} and {@code preferred_username} of its tokens
 * @param name the display name
 * @param roles the realm roles (claim {@code roles})
 * @param org the organisation id (claim {@code org})
 * @param jurisdiction the administrative division code (claim {@code jurisdiction})
 */
public record DemoUser(String username, String name, List<String> roles, String org, String jurisdiction) {

    /** The prefix of every demo password: the password of {@code alice} is {@code demo-only-alice}. */
    public static final String DEMO_PASSWORD_PREFIX = "demo-only-";

    public DemoUser {
        roles = List.copyOf(roles);
    }

    /** The demo password, by the rule {@code demo-only-<username>}. */
    public String demoPassword() {
        return DEMO_PASSWORD_PREFIX + username;
    }
}
