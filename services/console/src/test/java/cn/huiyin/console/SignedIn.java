package cn.huiyin.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signed in as the identity provider would sign in a demo user of this role, with the access token the console keeps
 * for the user (relayed to the services as {@code token-of-<role>}).
 */
final class SignedIn {

    private SignedIn() {
    }

    static RequestPostProcessor as(String role, ClientRegistrationRepository registrations,
                                   OAuth2AuthorizedClientService authorizedClients) {
        var registration = registrations.findByRegistrationId("huiyin");
        var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + role, null, null);
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, role, token),
            new TestingAuthenticationToken(role, null));
        return oidcLogin().clientRegistration(registration)
            .idToken(t -> t.claim("sub", role).claim("preferred_username", role).claim("name", role)
                .claim("roles", List.of(role)).claim("org", "org-test").claim("jurisdiction", "510100"))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase().replace('-', '_')));
    }
}
