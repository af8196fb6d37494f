package cn.huiyin.console.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.huiyin.console.ConsoleProperties;
import cn.huiyin.platform.kernel.access.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in through the identity provider with the authorization-code flow and PKCE (the console is a public client);
 * the browser holds only the session cookie, the console holds the tokens. Sign-out ends the provider's session too,
 * so the next clerk at a shared window computer has to sign in with their own password. The worker's pages need no
 * account.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ConsoleSecurity {

    static final String REGISTRATION = "huiyin";

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleProperties properties) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
            .requestMatchers("/worker", "/worker/**", "/signed-out", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                "/actuator/health", "/actuator/health/**", "/error").permitAll()
            .anyRequest().authenticated());
        http.oauth2Login(login -> login
            .loginPage("/oauth2/authorization/" + REGISTRATION)
            .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(roles())));
        http.logout(logout -> logout.logoutSuccessHandler(endProviderSession(properties)));
        http.headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self' "
                + origin(properties.endSessionUri())))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** The token's {@code roles} claim (kebab case) as authorities {@code ROLE_WINDOW_CLERK} … */
    private static GrantedAuthoritiesMapper roles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            authorities.stream().filter(OidcUserAuthority.class::isInstance).map(OidcUserAuthority.class::cast)
                .forEach(user -> {
                    List<String> claims = user.getIdToken().getClaimAsStringList("roles");
                    if (claims != null) {
                        claims.forEach(claim -> mapped.add(new SimpleGrantedAuthority("ROLE_" + Roles.fromClaim(claim))));
                    }
                });
            return mapped;
        };
    }

    /** After the console's own sign-out, the provider's (OpenID Connect RP-initiated logout). */
    private static LogoutSuccessHandler endProviderSession(ConsoleProperties properties) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            String back = properties.publicUrl().replaceAll("/+$", "") + "/signed-out";
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                response.sendRedirect(properties.endSessionUri() + "?id_token_hint="
                    + user.getIdToken().getTokenValue() + "&post_logout_redirect_uri="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
                return;
            }
            redirect(response, back);
        };
    }

    /** Sign-in and sign-out forms post to the provider: the page's policy lets forms go there. */
    private static String origin(String uri) {
        java.net.URI parsed = java.net.URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getAuthority();
    }

    private static void redirect(HttpServletResponse response, String to) throws IOException {
        response.sendRedirect(to);
    }
}
