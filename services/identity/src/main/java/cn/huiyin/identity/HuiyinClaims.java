package cn.huiyin.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The Huiyin claims of tokens and userinfo, the same as those of the Keycloak realm in production: {@code sub} and
 * {@code preferred_username} (the user name), {@code name}, {@code roles} (array of realm roles), {@code org}
 * (organisation id), {@code jurisdiction} (administrative division code). Every token also has the audience
 * {@value #AUDIENCE} besides its client id. Client-credentials tokens carry the roles of their client's setting
 * {@value #CLIENT_ROLES_SETTING}.
 */
public final class HuiyinClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES = "roles";

    public static final String ORG = "org";

    public static final String JURISDICTION = "jurisdiction";

    /** The audience every token carries, for the resource servers of the platform. */
    public static final String AUDIENCE = "huiyin";

    /** Client setting: the roles (list of strings) of the tokens a client gets for itself (client credentials). */
    public static final String CLIENT_ROLES_SETTING = "huiyin.client.roles";

    private final DemoUserDirectory users;

    public HuiyinClaims(DemoUserDirectory users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        if (accessToken) {
            context.getClaims().audience(List.of(client.getClientId(), AUDIENCE));
        }
        Authentication principal = context.getPrincipal();
        if (principal instanceof OAuth2ClientAuthenticationToken) {
            // Client credentials: the client acts for itself.
            if (accessToken) {
                List<String> roles = client.getClientSettings().getSetting(CLIENT_ROLES_SETTING);
                context.getClaims().claim(ROLES, roles != null ? List.copyOf(roles) : List.of());
            }
            return;
        }
        users.find(principal.getName())
                .ifPresent(user -> userClaims(user).forEach((name, value) -> context.getClaims().claim(name, value)));
    }

    /** The claims of a user in tokens and userinfo, {@code sub} included. */
    public static Map<String, Object> userClaims(DemoUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, user.username());
        claims.put(StandardClaimNames.PREFERRED_USERNAME, user.username());
        claims.put(StandardClaimNames.NAME, user.name());
        claims.put(ROLES, new ArrayList<>(user.roles()));
        claims.put(ORG, user.org());
        claims.put(JURISDICTION, user.jurisdiction());
        return claims;
    }

    /** The userinfo of the user an access token was issued to; only {@code sub} for a user not (any longer) known. */
    public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String username = context.getAuthorization().getPrincipalName();
        return users.find(username)
                .map(user -> new OidcUserInfo(userClaims(user)))
                .orElseGet(() -> OidcUserInfo.builder().subject(username).build());
    }
}
