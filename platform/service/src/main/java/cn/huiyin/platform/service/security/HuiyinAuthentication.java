package cn.huiyin.platform.service.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token and the {@link HuiyinUser} it describes. */
public class HuiyinAuthentication extends JwtAuthenticationToken {

    private final HuiyinUser user;

    public HuiyinAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, HuiyinUser user) {
        super(jwt, authorities, user.username());
        this.user = user;
    }

    public HuiyinUser user() {
        return user;
    }
}
