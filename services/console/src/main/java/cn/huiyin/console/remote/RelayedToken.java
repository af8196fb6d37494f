package cn.huiyin.console.remote;

import java.time.Clock;
import java.time.Duration;

import cn.huiyin.console.application.SignInRequired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The signed-in user's access token, held by the console (never by the browser) and relayed to the services. A token
 * about to expire is not relayed: the user signs in again, which the provider answers without a password while its own
 * session lasts.
 */
public class RelayedToken {

    private static final Duration SKEW = Duration.ofSeconds(20);

    private final OAuth2AuthorizedClientRepository clients;
    private final Clock clock;

    public RelayedToken(OAuth2AuthorizedClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken user)) {
            throw new SignInRequired("Not signed in");
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            throw new SignInRequired("No request to act in");
        }
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(user.getAuthorizedClientRegistrationId(),
            user, request.getRequest());
        OAuth2AccessToken token = client == null ? null : client.getAccessToken();
        // A token without an expiry is relayed: a service that refuses it (401) sends the user to sign in again.
        if (token == null || token.getExpiresAt() != null && !clock.instant().plus(SKEW).isBefore(token.getExpiresAt())) {
            throw new SignInRequired("The access token has expired");
        }
        return token.getTokenValue();
    }
}
