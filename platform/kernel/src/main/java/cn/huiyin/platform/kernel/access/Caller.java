package cn.huiyin.platform.kernel.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as a use case needs to know it: the user, their roles ({@link Roles}), the organisation they work
 * for and the jurisdiction it covers. Pure Java, so application services and domain rules of every service decide
 * "who may see what" in the same words; the web edge builds it from the access token.
 *
 * @param username       who, for the audit trail and "recorded by"
 * @param roles          e.g. {@link Roles#ORG_HANDLER}
 * @param organisationId the user's organisation (org-…), or null if the token names none
 * @param jurisdiction   the territory the organisation covers; {@link Jurisdiction#NONE} covers nothing
 */
public record Caller(String username, Set<String> roles, String organisationId, Jurisdiction jurisdiction) {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        organisationId = organisationId == null || organisationId.isBlank() ? null : organisationId;
        jurisdiction = jurisdiction == null ? Jurisdiction.NONE : jurisdiction;
    }

    /** A caller from token claims; a blank or malformed jurisdiction claim grants none. */
    public static Caller of(String username, Set<String> roles, String organisationId, String jurisdictionClaim) {
        return new Caller(username, roles, organisationId, Jurisdiction.of(jurisdictionClaim));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a place lies within the caller's jurisdiction. */
    public boolean covers(String divisionCode) {
        return jurisdiction.covers(divisionCode);
    }

    /** Whether the caller works for {@code organisationId}. */
    public boolean worksFor(String organisationId) {
        return this.organisationId != null && this.organisationId.equals(organisationId);
    }
}
