package cn.huiyin.platform.service.security;

import cn.huiyin.platform.kernel.access.Roles;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads Huiyin's claims from a validated token: {@code roles} (kebab-case names, from our provider or Keycloak),
 * {@code org}, {@code jurisdiction}, {@code name}, {@code preferred_username}.
 */
public class HuiyinJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>();
        List<String> claimed = jwt.getClaimAsStringList("roles");
        if (claimed != null) {
            claimed.forEach(role -> roles.add(Roles.fromClaim(role)));
        }
        List<GrantedAuthority> authorities = roles.stream()
            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        String username = jwt.getClaimAsString("preferred_username");
        if (username == null) {
            username = jwt.getSubject();
        }
        HuiyinUser user = new HuiyinUser(username, jwt.getClaimAsString("name"), roles, jwt.getClaimAsString("org"),
            jwt.getClaimAsString("jurisdiction"));
        return new HuiyinAuthentication(jwt, authorities, user);
    }
}
