package cn.huiyin.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./huiyin token <user> [password]}: prints an access token for one of the embedded stack's demo users (the
 * demo-only password grant of client {@code huiyin-cli}), for {@code curl -H "Authorization: Bearer $TOKEN"}.
 */
final class TokenCommand {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    int run(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: ./huiyin token <user> [password]   e.g. ./huiyin token window-clerk");
            return 2;
        }
        String user = args[0];
        String password = args.length > 1 ? args[1] : "demo-only-" + user;
        // The stack's own identity provider (HUIYIN_PORT_OFFSET / HUIYIN_IDENTITY_PORT move it), unless told otherwise.
        String issuer = System.getenv().getOrDefault("HUIYIN_IDENTITY_ISSUER", StackLayout.fromEnvironment().identityIssuer());
        String form = "grant_type=password&client_id=huiyin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.err.println("The identity provider at " + issuer + " does not answer. Is the stack up (./huiyin up)?");
            return 1;
        }
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            System.err.println("No token for '" + user + "' (" + response.statusCode() + "): " + response.body());
            return 1;
        }
        System.out.println(matcher.group(1));
        return 0;
    }
}
