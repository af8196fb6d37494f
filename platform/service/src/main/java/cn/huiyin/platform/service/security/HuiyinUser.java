package cn.huiyin.platform.service.security;

import java.util.Set;

/**
 * The person (or service) behind a request, as their access token says.
 *
 * @param username     the token's {@code preferred_username} (or {@code sub})
 * @param name         display name
 * @param roles        e.g. {@code WINDOW_CLERK}
 * @param org          id of the organisation the user belongs to
 * @param jurisdiction administrative division code the user's organisation covers, e.g. {@code 510112}
 */
public record HuiyinUser(String username, String name, Set<String> roles, String org, String jurisdiction) {

    public HuiyinUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a place lies within this user's jurisdiction: division codes nest by prefix (city {@code 510100}
     * covers every code starting {@code 5101}; district {@code 510112} covers its streets {@code 510112xxx}).
     */
    public boolean covers(String divisionCode) {
        if (jurisdiction == null || divisionCode == null) {
            return false;
        }
        return divisionCode.startsWith(jurisdictionPrefix());
    }

    /** The prefix every division code in this jurisdiction starts with (a city's trailing {@code 00} is dropped). */
    public String jurisdictionPrefix() {
        if (jurisdiction == null) {
            return "\u0000";
        }
        return jurisdiction.length() == 6 && jurisdiction.endsWith("00") ? jurisdiction.substring(0, 4) : jurisdiction;
    }
}
