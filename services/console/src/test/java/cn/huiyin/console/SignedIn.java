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
 * A user signed in as the identity provider would sign in a demo user of a role, with the access token the console
 * keeps for the user and relays to the services.
 */
final class SignedIn {

    private final ClientRegistrationRepository registrations;
    private final OAuth2AuthorizedClientService authorizedClients;

    SignedIn(ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients) {
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
    }

    RequestPostProcessor as(String role, String jurisdiction) {
        var registration = registrations.findByRegistrationId("huiyin");
        var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + role, null, null);
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, role, token),
            new TestingAuthenticationToken(role, null));
        return oidcLogin().clientRegistration(registration)
            .idToken(t -> t.claim("sub", role).claim("preferred_username", role).claim("name", role)
                .claim("roles", List.of(role)).claim("org", "org-test").claim("jurisdiction", jurisdiction))
            .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase().replace('-', '_')));
    }
}
