package cn.huiyin.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded identity provider, prefix {@code huiyin.identity} (environment variables
 * {@code HUIYIN_IDENTITY_*}).
 *
 * @param issuer the issuer URL, written into every token and the discovery document
 * @param keyFile the JWK file holding the RSA signing key; created on first start, reused afterwards
 * @param usersResource where the demo users are read from
 * @param passwordGrantEnabled whether the DEMO-ONLY resource-owner password grant is available
 * @param servicesClientSecret the secret of the confidential client {@code huiyin-services} (DEMO default)
 * @param accessTokenTimeToLive lifetime of access tokens
 * @param consoleRedirectUris the redirect URIs of the browser client {@code huiyin-console}
 * @param consolePostLogoutRedirectUris where the provider may send the browser after the console's sign-out
 * @param allowedOrigins browser origins allowed to call the token, JWKS and userinfo endpoints (CORS)
 */
@ConfigurationProperties("huiyin.identity")
public record IdentityProperties(
        @DefaultValue("http://127.0.0.1:9000") String issuer,
        @DefaultValue("data/identity/signing-key.json") Path keyFile,
        @DefaultValue("classpath:contracts/reference-data/demo-users.json") String usersResource,
        @DefaultValue("true") boolean passwordGrantEnabled,
        @DefaultValue("demo-only-services-secret") String servicesClientSecret,
        @DefaultValue("15m") Duration accessTokenTimeToLive,
        @DefaultValue({"http://127.0.0.1:8080/login/oauth2/code/huiyin", "http://localhost:8080/login/oauth2/code/huiyin"})
        List<String> consoleRedirectUris,
        @DefaultValue({"http://127.0.0.1:8080/signed-out", "http://localhost:8080/signed-out"})
        List<String> consolePostLogoutRedirectUris,
        @DefaultValue({"http://127.0.0.1:8080", "http://localhost:8080"}) List<String> allowedOrigins) {
}
