package cn.huiyin.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for tests, reachable over HTTP like a real OpenID Connect provider: it serves
 * {@code /.well-known/openid-configuration} and a JWK set, and mints RS256 tokens with Huiyin's claims. It also mints
 * the tokens a service must refuse: expired, signed by another key, unsigned ({@code alg: none}), another issuer.
 */
public final class TestIdentityProvider {

    private static TestIdentityProvider instance;

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;
    private final String issuer;

    private TestIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, """
            {"issuer":"%s","jwks_uri":"%s/jwks","token_endpoint":"%s/token","subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
            .formatted(issuer, issuer, issuer)));
        server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static synchronized TestIdentityProvider get() {
        if (instance == null) {
            instance = new TestIdentityProvider();
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid 15-minute token for {@code user}. */
    public String token(TestUser user) {
        return sign(claims(user, Instant.now(), Duration.ofMinutes(15), issuer), key);
    }

    public String expiredToken(TestUser user) {
        return sign(claims(user, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(15), issuer), key);
    }

    /** Signed with another key that claims the same key id. */
    public String tokenSignedByAStranger(TestUser user) {
        return sign(claims(user, Instant.now(), Duration.ofMinutes(15), issuer), stranger);
    }

    /** {@code alg: none}: no signature at all. */
    public String unsignedToken(TestUser user) {
        return new PlainJWT(claims(user, Instant.now(), Duration.ofMinutes(15), issuer)).serialize();
    }

    public String tokenFromAnotherIssuer(TestUser user) {
        return sign(claims(user, Instant.now(), Duration.ofMinutes(15), "https://elsewhere.example"), key);
    }

    private static JWTClaimsSet claims(TestUser user, Instant issuedAt, Duration lifetime, String issuer) {
        return new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(user.username())
            .audience("huiyin")
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim("preferred_username", user.username())
            .claim("name", user.username())
            .claim("roles", user.roles())
            .claim("org", user.org())
            .claim("jurisdiction", user.jurisdiction())
            .build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
