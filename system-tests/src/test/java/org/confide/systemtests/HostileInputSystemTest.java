package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.confide.testing.TestDatabase;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md "Input and errors", tried against the four running services from what each one publishes at
 * /q/openapi: every POST and PUT with a JSON body is sent a NUL in each field, a 100 KiB chunked body, a 2 MB body,
 * trailing junk, a wrong type in each field and a 10,000-deep array, as a caller whose role gets past 401/403 (found
 * by probing the roles the operation declares, then all roles), so that the answer comes from the body handling.
 * Each answer must be a 4xx application/problem+json with a title and a detail; no row of any table of any service
 * database may have changed (every row's text is hashed before and after), and none may hold the hostile caller's
 * org or sub. Operations without a request body
 * are not sent bodies: they would ignore them. Also: 414 and 431 from every service, and a NUL in each path and query
 * parameter of every GET.
 */
class HostileInputSystemTest {

    private static final List<String> ROLES =
            List.of("admin", "manager", "practitioner", "supervisor", "compliance", "partner", "client", "service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningSystem system;
    // Everything a hostile request could write carries its caller's org or sub: both hold RUN, which is searched for.
    private static final String RUN = UUID.randomUUID().toString();
    private static final String ORG = "hostile-" + RUN;
    private static final String SUB = "hostile-user-" + RUN;

    private record Operation(String service, String method, String template, JsonNode spec, JsonNode document) {
        String path() {
            return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + template;
        }
    }

    private record Case(String name, byte[] body, boolean chunked, int expected, String field) {}

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    @DisplayName(
            "Every POST and PUT of the four OpenAPI documents refuses a NUL, a 100 KiB chunked body, a 2 MB body, "
                    + "trailing junk, a wrong type per field and a 10,000-deep array with a 4xx problem+json, and writes nothing")
    void hostileBodies() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (String service : RunningSystem.SERVICES) {
            operations.addAll(operations(service, Set.of("post", "put"), true));
        }
        assertTrue(
                operations.size() >= 20,
                "the OpenAPI documents list only " + operations.size() + " POST/PUT with a body");

        Map<String, String> before = settledSnapshot();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Operation op : operations) {
            String role = roleGettingPast401And403(op);
            if (role == null) {
                failures.add(op + ": no role gets past 401/403, so its body handling cannot be tried");
                continue;
            }
            System.out.println("hostile input: " + op + " as " + role);
            String path = op.path();
            for (Case c : cases(op)) {
                RawHttp.Response r = send(op, path, role, c);
                sent++;
                String wrong = judge(r, c);
                if (wrong != null) failures.add(op + " as " + role + ", " + c.name() + ": " + wrong + " — got " + r);
            }
        }
        System.out.println("hostile input: " + sent + " requests to " + operations.size() + " operations; "
                + before.size() + " tables compared");
        Thread.sleep(1000);
        Map<String, String> after = snapshot();
        for (String table : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                failures.add("written to " + table + ": " + before.get(table) + " -> " + after.get(table));
            }
        }
        failures.addAll(rowsMentioning(RUN));
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + sent + " hostile requests were not refused as docs/api.md " + "says:\n"
                        + String.join("\n", failures));
    }

    @Test
    @DisplayName(
            "A request line over 8 KiB is 414 and headers over 20 KiB are 431, each as problem+json, on every service")
    void longLineAndHugeHeaders() throws Exception {
        for (String service : RunningSystem.SERVICES) {
            String url = system.url(service);
            RawHttp.Response line = RawHttp.send(
                    url, "GET /q/health?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n", null, false);
            assertProblem(service + " long request line", line, 414);
            RawHttp.Response headers = RawHttp.send(
                    url, "GET /q/health HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(30_000) + "\r\n", null, false);
            assertProblem(service + " huge header", headers, 431);
        }
    }

    @Test
    @DisplayName(
            "A NUL (%00) in any path or query parameter of every GET is 400 naming the parameter, on every service")
    void nulInPathAndQuery() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (String service : RunningSystem.SERVICES) {
            for (Operation op : operations(service, Set.of("get"), false)) {
                for (JsonNode p : op.spec().path("parameters")) {
                    String in = p.path("in").asText();
                    String name = p.path("name").asText();
                    String path;
                    if (in.equals("path")) {
                        path = op.template()
                                .replace("{" + name + "}", "a%00b")
                                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    } else if (in.equals("query")) {
                        path = op.path() + "?" + name + "=a%00b";
                    } else {
                        continue;
                    }
                    tried++;
                    RawHttp.Response r = null;
                    for (String role : candidateRoles(op)) {
                        r = RawHttp.send(
                                system.url(service),
                                "GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                        + Tokens.token(role, ORG, SUB) + "\r\n",
                                null,
                                false);
                        if (r.status() != 401 && r.status() != 403) break;
                    }
                    String wrong = judge(r, new Case("NUL in " + in + " parameter " + name, null, false, 400, name));
                    if (wrong != null) failures.add(op + " NUL in " + in + " " + name + ": " + wrong + " — got " + r);
                }
            }
        }
        assertTrue(tried >= 10, "only " + tried + " GET parameters found in the OpenAPI documents");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    // ---- the hostile cases for one operation

    private static List<Case> cases(Operation op) {
        JsonNode schema = resolve(
                op.document(),
                op.spec()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema"));
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        schema.path("properties").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.put(f.getKey(), resolve(op.document(), f.getValue()));
        }
        boolean array = "array".equals(typeOf(schema));
        List<Case> cases = new ArrayList<>();
        if (fields.isEmpty()) {
            cases.add(new Case(
                    "NUL",
                    bytes(array ? "[\"a\\u0000b\"]" : "{\"x\":\"a\\u0000b\"}"),
                    false,
                    400,
                    array ? "[0]" : "x"));
        }
        for (Map.Entry<String, JsonNode> f : fields.entrySet()) {
            ObjectNode nul = JsonNodeFactory.instance.objectNode().put(f.getKey(), "a\u0000b");
            cases.add(new Case("NUL in " + f.getKey(), bytes(nul.toString()), false, 400, f.getKey()));
            ObjectNode wrong = JsonNodeFactory.instance.objectNode().set(f.getKey(), wrongValueFor(f.getValue()));
            cases.add(new Case("wrong type in " + f.getKey() + " " + wrong, bytes(wrong.toString()), false, -1, null));
        }
        String someField = fields.isEmpty() ? "x" : fields.keySet().iterator().next();
        cases.add(new Case(
                "100 KiB chunked body",
                bytes("{\"" + someField + "\":\"" + "a".repeat(100 * 1024) + "\"}"),
                true,
                413,
                null));
        cases.add(new Case(
                "2 MB body",
                bytes("{\"" + someField + "\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}"),
                false,
                413,
                null));
        cases.add(new Case("trailing junk", bytes((array ? "[]" : "{}") + " junk"), false, 400, null));
        cases.add(new Case("a second value after the first", bytes((array ? "[]" : "{}") + "{}"), false, 400, null));
        cases.add(new Case("10,000-deep array", bytes("[".repeat(10_000) + "]".repeat(10_000)), false, 400, null));
        return cases;
    }

    /** A value no binding of the declared type accepts: an object for a scalar or array, an array of arrays for an object. */
    private static JsonNode wrongValueFor(JsonNode schema) {
        if ("object".equals(typeOf(schema)) || schema.has("properties")) {
            ArrayNode outer = JsonNodeFactory.instance.arrayNode();
            outer.addArray().add(1);
            return outer;
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putArray("wrong").add(1);
        return o;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) return t.asText();
            }
        }
        return type.isMissingNode() ? null : type.asText();
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(document, schema.get("allOf").get(0));
        }
        return schema;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- sending and judging

    private static RawHttp.Response send(Operation op, String path, String role, Case c) throws IOException {
        String head = op.method().toUpperCase() + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + Tokens.token(role, ORG, SUB) + "\r\nContent-Type: application/json\r\nIdempotency-Key: "
                + UUID.randomUUID()
                + "\r\n";
        return RawHttp.send(system.url(op.service()), head, c.body(), c.chunked());
    }

    /** Null if {@code r} is the answer docs/api.md asks for, else what is wrong with it. */
    private static String judge(RawHttp.Response r, Case c) {
        if (r == null) return "no answer";
        if (r.status() < 400 || r.status() >= 500) return "expected a 4xx";
        if (r.status() == 401 || r.status() == 403) return "refused for the role, so the input was never looked at";
        if (c.expected() > 0 && r.status() != c.expected()) return "expected " + c.expected();
        String type = r.header("content-type");
        // docs/api.md "FHIR R4": under /fhir/ the same refusal is a FHIR OperationOutcome naming the field.
        if (type != null && type.startsWith("application/fhir+json")) return judgeOutcome(r, c);
        if (type == null || !type.startsWith("application/problem+json")) return "not application/problem+json";
        JsonNode problem;
        try {
            problem = JSON.readTree(r.body());
        } catch (IOException e) {
            return "the problem is not JSON";
        }
        if (problem.path("title").asText("").isBlank()
                || problem.path("detail").asText("").isBlank()) {
            return "the problem has no title or detail";
        }
        if (problem.path("status").asInt() != r.status()) return "the problem's status is not the answer's";
        if (c.field() != null && !r.body().contains("\"field\":\"" + c.field() + "\""))
            return "does not name " + c.field();
        return null;
    }

    /** Null if {@code r} is an OperationOutcome of errors that names {@code c}'s field, else what is wrong with it. */
    private static String judgeOutcome(RawHttp.Response r, Case c) {
        JsonNode outcome;
        try {
            outcome = JSON.readTree(r.body());
        } catch (IOException e) {
            return "the OperationOutcome is not JSON";
        }
        if (!outcome.path("resourceType").asText().equals("OperationOutcome")) return "not an OperationOutcome";
        JsonNode issue = outcome.path("issue").path(0);
        if (!issue.path("severity").asText().equals("error")) return "the OperationOutcome's first issue is no error";
        if (c.field() == null) return null;
        for (JsonNode i : outcome.path("issue")) {
            for (JsonNode e : i.path("expression")) if (e.asText().equals(c.field())) return null;
        }
        return "the OperationOutcome does not name " + c.field() + " in an issue's expression";
    }

    private static void assertProblem(String what, RawHttp.Response r, int status) {
        assertEquals(status, r.status(), what + ": " + r);
        assertTrue(
                r.header("content-type") != null && r.header("content-type").startsWith("application/problem+json"),
                what + ": " + r);
        assertEquals(null, judge(r, new Case(what, null, false, status, null)), what + ": " + r);
    }

    /** The operation's declared roles first, then the rest: the first whose malformed body is not 401/403. */
    private static String roleGettingPast401And403(Operation op) throws IOException {
        String path = op.path();
        for (String role : candidateRoles(op)) {
            RawHttp.Response r = send(op, path, role, new Case("probe", bytes("{"), false, 400, null));
            if (r.status() != 401 && r.status() != 403) return role;
        }
        return null;
    }

    private static List<String> candidateRoles(Operation op) {
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : op.spec().path("security")) {
            for (JsonNode scopes : requirement) {
                for (JsonNode role : scopes) roles.add(role.asText());
            }
        }
        roles.addAll(ROLES);
        return new ArrayList<>(roles);
    }

    private static List<Operation> operations(String service, Set<String> methods, boolean withJsonBody)
            throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(system.url(service) + "/q/openapi?format=json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), service + " serves no OpenAPI document");
        JsonNode document = JSON.readTree(r.body());
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) continue;
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!methods.contains(op.getKey())) continue;
                if (withJsonBody
                        && op.getValue()
                                .path("requestBody")
                                .path("content")
                                .path("application/json")
                                .isMissingNode()) {
                    continue;
                }
                found.add(new Operation(service, op.getKey(), path.getKey(), op.getValue(), document));
            }
        }
        return found;
    }

    // ---- what the databases hold

    /** Every table of every service database: its row count and a hash of all its rows' text. */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        for (String database : databases()) {
            try (Connection c = DriverManager.getConnection(
                            TestDatabase.url(database), TestDatabase.user(), TestDatabase.password());
                    Statement st = c.createStatement()) {
                List<String> names = tables(st);
                for (String table : names) {
                    try (ResultSet rs =
                            st.executeQuery("SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(md5(t::text), '' "
                                    + "ORDER BY md5(t::text))), '-') FROM " + table + " t")) {
                        rs.next();
                        tables.put(database + "." + table, rs.getString(1));
                    }
                }
            }
        }
        return tables;
    }

    /** Every row, in any table of any service database, whose text holds {@code marker}. */
    private static List<String> rowsMentioning(String marker) throws Exception {
        List<String> found = new ArrayList<>();
        for (String database : databases()) {
            try (Connection c = DriverManager.getConnection(
                            TestDatabase.url(database), TestDatabase.user(), TestDatabase.password());
                    Statement st = c.createStatement()) {
                for (String table : tables(st)) {
                    try (ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + marker + "%'")) {
                        rs.next();
                        if (rs.getLong(1) > 0)
                            found.add("written to " + database + "." + table + ": " + rs.getLong(1)
                                    + " rows of the hostile caller");
                    }
                }
            }
        }
        return found;
    }

    private static List<String> databases() {
        List<String> databases = new ArrayList<>();
        for (String service : RunningSystem.SERVICES) databases.add(RunningSystem.database(service));
        databases.add("confide_records_keys_systest");
        return databases;
    }

    private static List<String> tables(Statement st) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) "
                + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                + "AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    /**
     * A snapshot once what earlier tests set going (relays, ingest, checkpoints) has come to rest: unchanged for longer
     * than audit-service takes to cover a new entry with a checkpoint (within 10 s), so that a checkpoint of earlier
     * entries is not taken for a write by a hostile request.
     */
    private static Map<String, String> settledSnapshot() throws Exception {
        Map<String, String> last = snapshot();
        long quietSince = System.currentTimeMillis();
        long deadline = quietSince + 90_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1500);
            Map<String, String> now = snapshot();
            if (!now.equals(last)) {
                last = now;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= 11_000) {
                return now;
            }
        }
        return last;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
