package cn.huiyin.platform.test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Who may call which endpoint of a service, and within which jurisdiction — written down by hand in the service's
 * test sources, independently of the code, and checked against the running service over HTTP. A wrong
 * {@code @RolesAllowed}, a forgotten {@code @PermitAll}, a new endpoint without a row, or a query that forgets the
 * caller's jurisdiction each makes the check fail.
 *
 * <h2>The table</h2>
 * One row per endpoint and method, three columns separated by {@code |}; blank lines and lines starting {@code #}
 * are ignored:
 * <pre>
 * # method path                                   | who may call it                              | jurisdiction
 * GET    /api/grievances/{grievanceId}            | window-clerk supervisor org-handler           | scoped
 * GET    /api/grievances                          | window-clerk supervisor org-handler           | filtered
 * GET    /api/audit                               | supervisor admin                              | filtered(supervisor)
 * POST   /api/public/grievances/lookup            | public                                        |
 * GET    /api/grievances/{grievanceId}/contact?reason=check | callback-agent                    | scoped
 * </pre>
 * <ul>
 *   <li><b>method path</b>: as the service maps it, path variables in braces ({@code ANY} for a mapping that takes
 *       every method). A query after {@code ?} is sent when probing (a required parameter, or one that narrows a
 *       search to the fixture's record: {@code ?grievanceId={grievanceId}}) and ignored when comparing with the
 *       service's endpoints.</li>
 *   <li><b>who</b>: {@code public}, or the roles (token names, kebab case, see {@link TestUser#ALL_ROLES}) that may
 *       call it. Checked: no token gets 401 unless public; every other role gets the platform's 403 for a role
 *       ({@code insufficient_scope}); a listed role gets neither.</li>
 *   <li><b>jurisdiction</b> (GET rows only; empty: none): {@code scoped} — a record answers 2xx to those whose
 *       jurisdiction or organisation it lies in, 403 or 404 to anyone else; {@code filtered} — a list or search
 *       answers everybody 2xx, and holds the record only for those in whose reach it lies. {@code (role ...)}
 *       limits it to some of the listed roles (an administrator may see everything). The service's test provides
 *       a {@link Fixture}: a record, the values of the path variables that name it, and per role someone who may
 *       see it and someone who may not. Without a fixture, only who-may-call-it is checked.</li>
 * </ul>
 * Every endpoint the service declares (its {@code /actuator/access}, read for the list of endpoints only, never for
 * who may call them) must have exactly its rows, and every row an endpoint. A new endpoint is added to the table
 * by its author, with the roles it means to allow.
 */
public final class AccessTable {

    /** The services' own role (client credentials of huiyin-services): listed where only services may call. */
    static final String SERVICE = "service";

    /** One row. {@code roles} is empty for a public endpoint; {@code scopedRoles} for rows without a jurisdiction. */
    public record Row(String method, String path, String query, boolean isPublic, Set<String> roles, Scope scope,
                      Set<String> scopedRoles) {

        String key() {
            return method + " " + path;
        }
    }

    /** How the jurisdiction shows in a row's answers. */
    public enum Scope {
        NONE, SCOPED, FILTERED
    }

    /**
     * A record to probe jurisdiction with.
     *
     * @param pathVariables values for the path variables of the scoped rows, e.g. {@code grievanceId}
     * @param marker        text that appears in an answer exactly when the record is in it (its id)
     * @param insider       per role (kebab case), someone in whose reach the record lies
     * @param outsiders     per role, people in whose reach it does not lie (another district, another organisation)
     */
    public record Fixture(Map<String, String> pathVariables, String marker, Function<String, TestUser> insider,
                          Function<String, List<TestUser>> outsiders) {
    }

    /** One answer that did not match the table. */
    public record Violation(String row, String caller, String expected, int actual) {
        @Override
        public String toString() {
            return row + " as " + caller + ": expected " + expected + ", got " + actual;
        }
    }

    private static final Pattern ROW = Pattern.compile(
        "\\s*([A-Z]+)\\s+(\\S+?)(?:\\?(\\S+))?\\s*\\|\\s*([^|]*?)\\s*(?:\\|\\s*(scoped|filtered)?(?:\\(([^)]*)\\))?\\s*)?");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Any value for a path variable where no fixture names one. */
    private static final String PLACEHOLDER = "HY-20260101-000001";

    private final List<Row> rows;

    private AccessTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static AccessTable parse(String table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher row = ROW.matcher(trimmed);
            if (!row.matches()) {
                throw new IllegalArgumentException("Not a row of an access table: " + line);
            }
            List<String> who = List.of(row.group(4).split("\\s+"));
            boolean isPublic = who.equals(List.of("public"));
            Set<String> roles = isPublic ? Set.of() : new LinkedHashSet<>(who);
            for (String role : roles) {
                if (!TestUser.ALL_ROLES.contains(role) && !role.equals(SERVICE)) {
                    throw new IllegalArgumentException("Unknown role '" + role + "' in: " + line);
                }
            }
            Scope scope = row.group(5) == null ? Scope.NONE : Scope.valueOf(row.group(5).toUpperCase());
            Set<String> scoped = row.group(6) == null ? roles : new LinkedHashSet<>(List.of(row.group(6).strip().split("\\s+")));
            rows.add(new Row(row.group(1), row.group(2), row.group(3), isPublic, roles, scope, scoped));
        }
        return new AccessTable(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The endpoints the service declares that have no row, and the rows that name no endpoint. */
    public List<String> mismatchedEndpoints(int port) {
        JsonNode declared = HttpJson.at(port).as(TestUser.of("admin")).get("/actuator/access").json();
        Set<String> endpoints = new TreeSet<>();
        for (JsonNode endpoint : declared) {
            endpoints.addAll(keys(endpoint));
        }
        Set<String> listed = new TreeSet<>();
        rows.forEach(row -> listed.add(row.key()));
        List<String> mismatches = new ArrayList<>();
        endpoints.stream().filter(e -> !listed.contains(e)).forEach(e -> mismatches.add("no row for " + e));
        listed.stream().filter(r -> !endpoints.contains(r)).forEach(r -> mismatches.add("no endpoint for row " + r));
        return mismatches;
    }

    /** Every row, without a token and as every role: what the table says about who may call it. */
    public List<Violation> probeRoles(int port) {
        Set<String> multipart = multipartEndpoints(port);
        List<Violation> violations = new ArrayList<>();
        HttpJson anonymous = HttpJson.at(port);
        for (Row row : rows) {
            String path = path(row, Map.of());
            boolean asMultipart = multipart.contains(row.key());
            HttpJson.Response none = call(anonymous, row.method(), path, asMultipart);
            if (!row.isPublic() && none.status() != 401) {
                violations.add(new Violation(row.key(), "no token", "401", none.status()));
            }
            List<String> probed = new ArrayList<>(TestUser.ALL_ROLES);
            if (row.roles().contains(SERVICE)) {
                probed.add(SERVICE);
            }
            for (String role : probed) {
                HttpJson.Response answer = call(anonymous.as(TestUser.of(role)), row.method(), path, asMultipart);
                boolean allowed = row.isPublic() || row.roles().contains(role);
                if (allowed && (answer.status() == 401 || refusedForRole(answer))) {
                    violations.add(new Violation(row.key(), role, "allowed", answer.status()));
                } else if (!allowed && !refusedForRole(answer)) {
                    violations.add(new Violation(row.key(), role, "403 for the role", answer.status()));
                }
            }
        }
        return violations;
    }

    /** The GET rows with a jurisdiction, as those who may and may not see the fixture's record. */
    public List<Violation> probeJurisdiction(int port, Fixture fixture) {
        List<Violation> violations = new ArrayList<>();
        for (Row row : rows) {
            if (row.scope() == Scope.NONE || !row.method().equals("GET")) {
                continue;
            }
            String path = path(row, fixture.pathVariables());
            for (String role : row.scopedRoles()) {
                TestUser insider = fixture.insider().apply(role);
                HttpJson.Response seen = HttpJson.at(port).as(insider).get(path);
                boolean sees = seen.status() / 100 == 2 && (row.scope() == Scope.SCOPED || seen.body().contains(fixture.marker()));
                if (!sees) {
                    violations.add(new Violation(row.key(), insider.username() + " (" + insider.jurisdiction()
                        + ")", "2xx with the record", seen.status()));
                }
                List<TestUser> outsiders = new ArrayList<>(fixture.outsiders().apply(role));
                outsiders.add(new TestUser(role + "@nowhere", List.of(role), "org-nowhere", ""));
                for (TestUser outsider : outsiders) {
                    HttpJson.Response refused = HttpJson.at(port).as(outsider).get(path);
                    boolean shown = refused.status() / 100 == 2 && (row.scope() == Scope.SCOPED
                        || refused.body().contains(fixture.marker()));
                    boolean answeredAsTheTableSays = row.scope() == Scope.SCOPED
                        ? refused.status() == 403 || refused.status() == 404 : refused.status() / 100 == 2 && !shown;
                    if (!answeredAsTheTableSays) {
                        violations.add(new Violation(row.key(), outsider.username() + " (" + outsider.jurisdiction()
                            + ")", row.scope() == Scope.SCOPED ? "403 or 404" : "2xx without the record",
                            refused.status()));
                    }
                }
            }
        }
        return violations;
    }

    /** The platform's refusal for a role (not a use case's refusal for a record outside the caller's reach). */
    static boolean refusedForRole(HttpJson.Response answer) {
        String challenge = answer.header("WWW-Authenticate");
        return answer.status() == 403 && challenge != null && challenge.contains("insufficient_scope");
    }

    /** The row's path and query with the fixture's values (or a placeholder) in place of the variables. */
    private static String path(Row row, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(row.query() == null ? row.path() : row.path() + "?" + row.query());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(variable.group(1), PLACEHOLDER)));
        }
        variable.appendTail(path);
        return path.toString();
    }

    /** Endpoints that take multipart bodies (the declarations' media types; a JSON body would not reach them). */
    private static Set<String> multipartEndpoints(int port) {
        Set<String> multipart = new TreeSet<>();
        for (JsonNode endpoint : HttpJson.at(port).as(TestUser.of("admin")).get("/actuator/access").json()) {
            if (endpoint.get("consumes").valueStream().anyMatch(type -> type.asString().startsWith("multipart/"))) {
                multipart.addAll(keys(endpoint));
            }
        }
        return multipart;
    }

    /** {@code GET /api/x} for each method and path of a declared endpoint; {@code ANY} where it takes every method. */
    private static List<String> keys(JsonNode endpoint) {
        List<String> methods = endpoint.get("methods").valueStream().map(JsonNode::asString).toList();
        List<String> keys = new ArrayList<>();
        for (String method : methods.isEmpty() ? List.of("ANY") : methods) {
            endpoint.get("paths").forEach(path -> keys.add(method + " " + path.asString()));
        }
        return keys;
    }

    /** A call with an empty body of the endpoint's kind: refused before any use case runs if the role is allowed. */
    private static HttpJson.Response call(HttpJson http, String method, String path, boolean multipart) {
        if (method.equals("GET") || method.equals("ANY")) {
            return http.get(path);
        }
        if (method.equals("DELETE")) {
            return http.delete(path);
        }
        if (multipart) {
            String boundary = "huiyin-access-table";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
            return http.send(http.builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return http.send(http.builder(path).header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
    }
}
