package cn.huiyin.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Probes every endpoint a running service declares (read from its {@code /actuator/access}) with no token and with a
 * token for each role: no token must give 401 (unless the endpoint is public), a role the endpoint does not allow
 * must give 403, and an allowed role must get past authorization (any status but 401/403 — with an empty body that is
 * usually 400 or 404). Jurisdiction is data-dependent and tested per endpoint by each service.
 *
 * @deprecated The expected roles come from the code under test; see {@link AccessTable}.
 */
@Deprecated
public final class AccessMatrix {

    /** One probe that did not get the answer the declaration promises. */
    public record Violation(String method, String path, String caller, int expected, int actual) {
        @Override
        public String toString() {
            return method + " " + path + " as " + caller + ": expected " + (expected == 0 ? "not 401/403" : expected)
                + ", got " + actual;
        }
    }

    /** What was probed, and what went wrong. */
    public record Result(int endpoints, int probes, List<Violation> violations) {
    }

    private AccessMatrix() {
    }

    public static Result probe(int port) {
        HttpJson anonymous = HttpJson.at(port);
        JsonNode endpoints = anonymous.as(TestUser.of("admin")).get("/actuator/access").json();
        List<Violation> violations = new ArrayList<>();
        int probes = 0;
        for (JsonNode endpoint : endpoints) {
            boolean isPublic = endpoint.get("isPublic").asBoolean();
            Set<String> allowed = endpoint.get("roles").valueStream().map(JsonNode::asString).collect(Collectors.toSet());
            boolean multipart = endpoint.get("consumes").valueStream()
                .anyMatch(type -> type.asString().startsWith("multipart/"));
            for (JsonNode methodNode : endpoint.get("methods")) {
                for (JsonNode pathNode : endpoint.get("paths")) {
                    String method = methodNode.asString();
                    String path = pathNode.asString().replaceAll("\\{[^}]+}", "HY-20260101-000001");
                    probes++;
                    int status = call(anonymous, method, path, multipart);
                    if (!isPublic && status != 401) {
                        violations.add(new Violation(method, path, "no token", 401, status));
                    }
                    for (String role : TestUser.ALL_ROLES) {
                        probes++;
                        int asRole = call(anonymous.as(TestUser.of(role)), method, path, multipart);
                        boolean permitted = isPublic || allowed.contains(role.replace('-', '_').toUpperCase(Locale.ROOT));
                        if (permitted && (asRole == 401 || asRole == 403)) {
                            violations.add(new Violation(method, path, role, 0, asRole));
                        } else if (!permitted && asRole != 403) {
                            violations.add(new Violation(method, path, role, 403, asRole));
                        }
                    }
                }
            }
        }
        return new Result(endpoints.size(), probes, violations);
    }

    private static int call(HttpJson http, String method, String path, boolean multipart) {
        if (multipart) {
            String boundary = "huiyin-access-matrix";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
            return http.send(http.builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build()).status();
        }
        return switch (method) {
            case "GET", "" -> http.get(path).status();
            case "DELETE" -> http.delete(path).status();
            case "PUT" -> http.put(path, "{}").status();
            default -> http.send(http.builder(path).header("Content-Type", "application/json")
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).status();
        };
    }
}
