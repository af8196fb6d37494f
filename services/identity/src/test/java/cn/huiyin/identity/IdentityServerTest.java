package cn.huiyin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * The identity provider over HTTP, as the embedded stack and the command-line demos use it: tokens of the password
 * grant, of client credentials and of the browser login with PKCE, verified against the published JWKS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=identity", "huiyin.identity.issuer=" + IdentityServerTest.ISSUER})
class IdentityServerTest {

    static final String ISSUER = "http://issuer.identity.test:9000";

    static final Path KEY_FILE = tempDir().resolve("nested/dir/signing-key.json");

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("huiyin.identity.key-file", KEY_FILE::toString);
    }

    @AfterAll
    static void deleteKeyFile() {
        FileSystemUtils.deleteRecursively(KEY_FILE.getParent().getParent().getParent().toFile());
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "window-clerk,      王窗口, window-clerk,     org-lqy-window,                510112",
            "hotline-operator,  刘话务, hotline-operator, org-hotline-12345,             510100",
            "street-handler,    李街道, org-handler,      org-street-damian,             510112002",
            "enterprise-handler,钱企业, org-handler,      org-ent-meituan,               510100",
            "admin,             管理员, admin,            org-city-swb,                  510100"})
    void passwordGrantGivesASignedTokenWithTheUsersClaims(String username, String name, String role, String org,
            String jurisdiction) throws Exception {
        HttpResponse<String> response = http.passwordGrant(username, "demo-only-" + username);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(899L, 900L);

        JWTClaimsSet claims = verified(body.path("access_token").asString());
        assertThat(claims.getSubject()).isEqualTo(username);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(claims.getStringClaim("name")).isEqualTo(name);
        assertThat(claims.getClaim("roles")).isEqualTo(List.of(role));
        assertThat(claims.getStringClaim("org")).isEqualTo(org);
        assertThat(claims.getStringClaim("jurisdiction")).isEqualTo(jurisdiction);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).contains("huiyin", "huiyin-cli");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000L);

        // scope openid (the client's scopes by default): an ID token with the same claims
        JWTClaimsSet idToken = verified(body.path("id_token").asString());
        assertThat(idToken.getSubject()).isEqualTo(username);
        assertThat(idToken.getClaim("roles")).isEqualTo(List.of(role));
        assertThat(idToken.getStringClaim("org")).isEqualTo(org);
        assertThat(idToken.getStringClaim("jurisdiction")).isEqualTo(jurisdiction);
        assertThat(idToken.getStringClaim("name")).isEqualTo(name);
    }

    @Test
    void userinfoAnswersWithTheClaimsOfTheTokensUser() {
        String accessToken = Http.json(http.passwordGrant("supervisor", "demo-only-supervisor"))
                .path("access_token").asString();

        HttpResponse<String> response = http.get("/userinfo", "Authorization", "Bearer " + accessToken);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode userInfo = Http.json(response);
        assertThat(userInfo.path("sub").asString()).isEqualTo("supervisor");
        assertThat(userInfo.path("name").asString()).isEqualTo("吴督办");
        assertThat(userInfo.path("roles").isArray()).isTrue();
        assertThat(userInfo.path("roles").get(0).asString()).isEqualTo("supervisor");
        assertThat(userInfo.path("org").asString()).isEqualTo("org-district-lqy");
        assertThat(userInfo.path("jurisdiction").asString()).isEqualTo("510112");

        assertThat(http.get("/userinfo", "Authorization", "Bearer " + accessToken + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void passwordGrantWithARequestedScopeGivesNoIdTokenWithoutOpenid() throws Exception {
        HttpResponse<String> response = http.postForm("/oauth2/token", Http.form("grant_type", "password",
                "client_id", "huiyin-cli", "username", "triage-officer", "password", "demo-only-triage-officer",
                "scope", "profile"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.has("id_token")).isFalse();
        assertThat(body.path("scope").asString()).isEqualTo("profile");
        assertThat(verified(body.path("access_token").asString()).getClaim("roles")).isEqualTo(List.of("triage-officer"));
    }

    @Test
    void wrongPasswordOrUnknownUserIsAnInvalidGrant() {
        HttpResponse<String> wrongPassword = http.passwordGrant("window-clerk", "demo-only-admin");
        assertThat(wrongPassword.statusCode()).isEqualTo(400);
        assertThat(Http.json(wrongPassword).path("error").asString()).isEqualTo("invalid_grant");

        HttpResponse<String> unknownUser = http.passwordGrant("nobody", "demo-only-nobody");
        assertThat(unknownUser.statusCode()).isEqualTo(400);
        assertThat(Http.json(unknownUser).path("error").asString()).isEqualTo("invalid_grant");

        HttpResponse<String> noPassword = http.postForm("/oauth2/token",
                Http.form("grant_type", "password", "client_id", "huiyin-cli", "username", "window-clerk"));
        assertThat(noPassword.statusCode()).isEqualTo(400);
        assertThat(Http.json(noPassword).path("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void scopesOutsideTheClientsAreRefused() {
        HttpResponse<String> response = http.postForm("/oauth2/token", Http.form("grant_type", "password",
                "client_id", "huiyin-cli", "username", "admin", "password", "demo-only-admin", "scope", "openid admin"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void unknownClientsAndWrongSecretsAreUnauthorized() {
        HttpResponse<String> unknown = http.postForm("/oauth2/token", Http.form("grant_type", "password",
                "client_id", "no-such-client", "username", "admin", "password", "demo-only-admin"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(Http.json(unknown).path("error").asString()).isEqualTo("invalid_client");

        HttpResponse<String> wrongSecret = http.postForm("/oauth2/token", Http.form("grant_type", "client_credentials"),
                "Authorization", Http.basic("huiyin-services", "not-the-secret"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrongSecret).path("error").asString()).isEqualTo("invalid_client");

        // The confidential client cannot skip its secret by posing as a public client.
        HttpResponse<String> noSecret = http.postForm("/oauth2/token", Http.form("grant_type", "password",
                "client_id", "huiyin-services", "username", "admin", "password", "demo-only-admin"));
        assertThat(noSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void onlyTheCliClientMayUseThePasswordGrant() {
        HttpResponse<String> response = http.postForm("/oauth2/token", Http.form("grant_type", "password",
                "client_id", "huiyin-console", "username", "admin", "password", "demo-only-admin"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").asString()).isEqualTo("unauthorized_client");
    }

    @Test
    void servicesGetATokenWithTheServiceRoleByClientCredentials() throws Exception {
        HttpResponse<String> basic = http.postForm("/oauth2/token", Http.form("grant_type", "client_credentials"),
                "Authorization", Http.basic("huiyin-services", "demo-only-services-secret"));
        HttpResponse<String> post = http.postForm("/oauth2/token", Http.form("grant_type", "client_credentials",
                "client_id", "huiyin-services", "client_secret", "demo-only-services-secret"));

        for (HttpResponse<String> response : List.of(basic, post)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JWTClaimsSet claims = verified(Http.json(response).path("access_token").asString());
            assertThat(claims.getSubject()).isEqualTo("huiyin-services");
            assertThat(claims.getClaim("roles")).isEqualTo(List.of("service"));
            assertThat(claims.getIssuer()).isEqualTo(ISSUER);
            assertThat(claims.getAudience()).contains("huiyin");
            assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000L);
        }
    }

    @Test
    void theConsoleLogsInWithAuthorizationCodeAndPkce() throws Exception {
        String verifier = "a-demo-code-verifier-of-the-console-0123456789-abcdefghij";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=huiyin-console&scope=openid%20profile"
                + "&state=s1&redirect_uri=http://127.0.0.1:8080/login/oauth2/code/huiyin&code_challenge=" + challenge
                + "&code_challenge_method=S256";

        HttpResponse<String> toLogin = http.get(authorize, "Accept", "text/html");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> loginPage = http.get("/login", "Accept", "text/html");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).as(loginPage.body()).isTrue();

        HttpResponse<String> login = http.postForm("/login", Http.form("username", "meeting-convener",
                "password", "demo-only-meeting-convener", "_csrf", csrf.group(1)));
        assertThat(login.statusCode()).isEqualTo(302);
        String back = login.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/oauth2/authorize");

        HttpResponse<String> toClient = http.get(back, "Accept", "text/html");
        assertThat(toClient.statusCode()).as(toClient.body()).isEqualTo(302);
        URI callback = URI.create(toClient.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath())
                .isEqualTo("http://127.0.0.1:8080/login/oauth2/code/huiyin");
        Map<String, String> query = query(callback);
        assertThat(query).containsEntry("state", "s1").containsKey("code");

        HttpResponse<String> wrongVerifier = http.postForm("/oauth2/token", Http.form("grant_type", "authorization_code",
                "client_id", "huiyin-console", "code", query.get("code"), "redirect_uri",
                "http://127.0.0.1:8080/login/oauth2/code/huiyin", "code_verifier", verifier + "-not"));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);

        // A code is single-use; with the wrong verifier above SAS does not consume it, so this one is valid.
        HttpResponse<String> token = http.postForm("/oauth2/token", Http.form("grant_type", "authorization_code",
                "client_id", "huiyin-console", "code", query.get("code"), "redirect_uri",
                "http://127.0.0.1:8080/login/oauth2/code/huiyin", "code_verifier", verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode body = Http.json(token);
        JWTClaimsSet access = verified(body.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("meeting-convener");
        assertThat(access.getClaim("roles")).isEqualTo(List.of("meeting-convener"));
        assertThat(access.getStringClaim("jurisdiction")).isEqualTo("510112002");
        JWTClaimsSet id = verified(body.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly("huiyin-console");
        assertThat(id.getStringClaim("org")).isEqualTo("org-street-damian");
        assertThat(id.getStringClaim("name")).isEqualTo("周会商");
    }

    @Test
    void discoveryListsTheIssuerAndTheJwksUri() {
        HttpResponse<String> response = http.get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = Http.json(response);
        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.path("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(strings(discovery.path("grant_types_supported")))
                .contains("authorization_code", "client_credentials", "password");
        assertThat(strings(discovery.path("id_token_signing_alg_values_supported"))).contains("RS256");
        assertThat(strings(discovery.path("token_endpoint_auth_methods_supported"))).contains("none", "client_secret_basic");
        assertThat(strings(discovery.path("scopes_supported"))).contains("openid", "profile");
    }

    @Test
    void theSigningKeyIsPersistedAndReused() throws Exception {
        JWKSet published = jwks();
        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeys().get(0).isPrivate()).isFalse();
        String kid = published.getKeys().get(0).getKeyID();

        assertThat(KEY_FILE).exists();
        if (Files.getFileStore(KEY_FILE).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_FILE))).isEqualTo("rw-------");
        }
        // What a restart (another key loader on the same file) would use:
        assertThat(SigningKeyStore.loadOrCreate(KEY_FILE).getKeyID()).isEqualTo(kid);

        String token = Http.json(http.passwordGrant("admin", "demo-only-admin")).path("access_token").asString();
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(kid);
    }

    @Test
    void healthProbesArePublic() {
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/env").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theConfigurationComesFromIdentityYml() {
        // identity.yml enables the probes; without spring.config.name=identity it would not be read.
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("huiyin.identity.services-client-secret")).startsWith("demo-only-");
    }

    private JWKSet jwks() throws ParseException {
        HttpResponse<String> response = http.get("/oauth2/jwks");
        assertThat(response.statusCode()).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    /** Parses a JWT and checks that it is signed (RS256) by the key of the JWKS endpoint. */
    private JWTClaimsSet verified(String token) throws ParseException, JOSEException {
        assertThat(token).isNotBlank();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("key %s in the JWKS", jwt.getHeader().getKeyID()).isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("huiyin-identity-test");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
