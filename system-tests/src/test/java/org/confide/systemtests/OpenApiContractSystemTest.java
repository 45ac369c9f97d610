package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md "OpenAPI": the four documents, fetched from the running services, pass Redocly's recommended rules
 * (the CLI pinned in tools/openapi, installed here with npm ci), and every status the tests saw an operation answer,
 * in the module tests and in these system tests (platform openapi.StatusObserver), is one its document declares.
 * Runs last, after every other system test has answered.
 */
@Order(Integer.MAX_VALUE - 1)
class OpenApiContractSystemTest {

    private static final Path ROOT =
            Path.of(System.getProperty("confide.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new TreeMap<>();

    /** Where the system tests' service instances write what they answered. */
    static Path observations() {
        return ROOT.resolve("system-tests/target/observed-statuses");
    }

    @BeforeAll
    static void fetch() throws Exception {
        RunningSystem system = RunningSystem.get();
        HttpClient http = HttpClient.newHttpClient();
        Path dir = Files.createDirectories(ROOT.resolve("system-tests/target/openapi"));
        for (String service : RunningSystem.SERVICES) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(system.url(service) + "/q/openapi?format=json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), service + " /q/openapi");
            Files.writeString(dir.resolve(service + ".json"), r.body());
            DOCUMENTS.put(service, JSON.readTree(r.body()));
        }
    }

    @Test
    @DisplayName("docs/api.md OpenAPI: each service's document passes Redocly's recommended rules with no error")
    void lintedByRedocly() throws Exception {
        Path tools = ROOT.resolve("tools/openapi");
        Path cli = tools.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(cli)) {
            run(List.of("npm", "ci", "--prefix", tools.toString(), "--no-audit", "--no-fund", "--ignore-scripts"), 600);
        }
        for (String service : DOCUMENTS.keySet()) {
            Path doc = ROOT.resolve("system-tests/target/openapi/" + service + ".json");
            Result r = run(
                    List.of(
                            cli.toString(),
                            "lint",
                            "--config",
                            tools.resolve("redocly.yaml").toString(),
                            doc.toString()),
                    300);
            assertEquals(0, r.exit, service + ": Redocly lint found errors:\n" + r.output);
            System.out.println(service + ": "
                    + r.output
                            .lines()
                            .filter(l -> l.contains("warning") || l.contains("valid"))
                            .reduce((a, b) -> a + " " + b)
                            .orElse("linted"));
        }
    }

    @Test
    @DisplayName(
            "docs/api.md OpenAPI: the console's typed client is generated from exactly the documents the services serve")
    void consoleClientMatchesTheDocuments() throws IOException {
        List<String> stale = new ArrayList<>();
        for (var doc : DOCUMENTS.entrySet()) {
            Path copy = ROOT.resolve("console/openapi/" + doc.getKey().replace("-service", "") + ".json");
            if (!Files.exists(copy) || !JSON.readTree(copy.toFile()).equals(doc.getValue())) stale.add(copy.toString());
        }
        assertTrue(
                stale.isEmpty(),
                "the console's copies differ from what the services serve: " + stale
                        + "; regenerate them against ./confide up with `npm run api:generate --prefix console` and fix what no"
                        + " longer type-checks");
    }

    @Test
    @DisplayName("docs/api.md OpenAPI: every status the tests saw an operation answer is one its document declares")
    void observedStatusesAreDeclared() throws IOException {
        Map<String, Map<String, TreeSet<String>>> declared = new TreeMap<>();
        DOCUMENTS.forEach((service, doc) -> declared.put(service, declared(doc)));

        Map<String, Map<String, TreeSet<String>>> seen = new TreeMap<>();
        int lines = 0;
        for (String service : RunningSystem.SERVICES) {
            lines += read(ROOT.resolve(service + "/target/observed-statuses.txt"), service, seen);
        }
        if (Files.isDirectory(observations())) {
            try (Stream<Path> files = Files.list(observations())) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    String service = RunningSystem.SERVICES.stream()
                            .filter(name::startsWith)
                            .findFirst()
                            .orElse(null);
                    if (service != null) lines += read(f, service, seen);
                }
            }
        }
        assertTrue(lines > 0, "no observed statuses: StatusObserver wrote nothing");

        List<String> undeclared = new ArrayList<>();
        List<String> unseen = new ArrayList<>();
        int operations = 0;
        for (var service : declared.entrySet()) {
            Map<String, TreeSet<String>> saw = seen.getOrDefault(service.getKey(), Map.of());
            for (var op : service.getValue().entrySet()) {
                operations++;
                if (!saw.containsKey(op.getKey())) unseen.add(service.getKey() + " " + op.getKey());
            }
            for (var op : saw.entrySet()) {
                TreeSet<String> codes = service.getValue().get(op.getKey());
                for (String status : op.getValue()) {
                    if (codes == null || !codes.contains(status)) {
                        undeclared.add(service.getKey() + " " + op.getKey() + " answered " + status + ", declares "
                                + (codes == null ? "no such operation" : codes));
                    }
                }
            }
        }
        System.out.printf(
                "OpenAPI contract: %d operations, %d observed statuses (%d lines); not exercised by any test: %s%n",
                operations,
                seen.values().stream()
                        .mapToInt(
                                m -> m.values().stream().mapToInt(TreeSet::size).sum())
                        .sum(),
                lines,
                unseen);
        assertTrue(undeclared.isEmpty(), "statuses answered but not declared:\n" + String.join("\n", undeclared));
    }

    private static Map<String, TreeSet<String>> declared(JsonNode doc) {
        Map<String, TreeSet<String>> ops = new TreeMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (!op.getValue().has("operationId") || path.getKey().startsWith("/q/")) return;
                    TreeSet<String> codes = new TreeSet<>();
                    op.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
                    ops.put(op.getValue().get("operationId").asText(), codes);
                }));
        return ops;
    }

    private static int read(Path file, String service, Map<String, Map<String, TreeSet<String>>> seen)
            throws IOException {
        if (!Files.exists(file)) return 0;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split(" ");
            if (parts.length != 2) continue;
            seen.computeIfAbsent(service, s -> new TreeMap<>())
                    .computeIfAbsent(parts[0], o -> new TreeSet<>())
                    .add(parts[1]);
            n++;
        }
        return n;
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
