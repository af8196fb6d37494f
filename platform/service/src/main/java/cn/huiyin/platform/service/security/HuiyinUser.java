package cn.huiyin.platform.service.security;

import java.util.Set;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Jurisdiction;

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

    /** The caller as use cases see it (platform kernel's access model). */
    public Caller caller() {
        return new Caller(username, roles, org, Jurisdiction.of(jurisdiction));
    }

    /**
     * Whether a place lies within this user's jurisdiction: division codes nest by prefix (city {@code 510100}
     * covers every code starting {@code 5101}; district {@code 510112} covers its streets {@code 510112xxx}). A
     * missing or malformed jurisdiction covers nothing.
     */
    public boolean covers(String divisionCode) {
        return Jurisdiction.of(jurisdiction).covers(divisionCode);
    }

    /**
     * The prefix every division code in this jurisdiction starts with (a city's trailing {@code 00} is dropped); for
     * a missing or malformed jurisdiction a prefix no division code starts with, so a query finds nothing.
     */
    public String jurisdictionPrefix() {
        String prefix = Jurisdiction.of(jurisdiction).prefix();
        return prefix == null ? "\u0000" : prefix;
    }
}
