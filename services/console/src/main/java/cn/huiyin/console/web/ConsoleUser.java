package cn.huiyin.console.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is signed in, from the ID token: name, organisation, jurisdiction, roles (as {@code Roles} constants). */
public record ConsoleUser(String username, String name, String org, String jurisdiction, Set<String> roles) {

    public static ConsoleUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return new ConsoleUser(user.getPreferredUsername(), user.getFullName(), user.getClaimAsString("org"),
            user.getClaimAsString("jurisdiction"), roles);
    }

    public boolean has(String... anyOf) {
        return List.of(anyOf).stream().anyMatch(roles::contains);
    }
}
