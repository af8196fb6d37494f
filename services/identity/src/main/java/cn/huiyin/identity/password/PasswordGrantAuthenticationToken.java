package cn.huiyin.identity.password;

import java.io.Serial;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** DEMO ONLY: a token request of the password grant, before the resource owner is authenticated. */
public class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;

    private final transient String password;

    private final Set<String> scopes;

    public PasswordGrantAuthenticationToken(Authentication clientPrincipal, String username, String password,
            Set<String> scopes, Map<String, Object> additionalParameters) {
        super(PasswordGrant.PASSWORD, clientPrincipal, additionalParameters);
        this.username = username;
        this.password = password;
        this.scopes = Set.copyOf(scopes);
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    /** The requested scopes; empty when the request has no {@code scope} parameter. */
    public Set<String> getScopes() {
        return scopes;
    }
}
