package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.confide.bench.Bench;
import org.confide.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs every benchmark at a tiny size against the system-test processes, so that `./confide bench` does not rot. */
class BenchSmokeTest {

    @Test
    @DisplayName("the benchmarks run end to end at a tiny size and write their figures as JSON lines")
    void benchmarksRun() throws Exception {
        RunningSystem system = RunningSystem.get();
        Path results = Files.createTempDirectory("confide-bench");
        List<String> args = new ArrayList<>(List.of(
                "--only",
                "decisions,ingest,endtoend,queries,startup",
                "--events",
                "300",
                "--orgs",
                "3",
                "--clients",
                "20",
                "--consents",
                "100",
                "--concurrency",
                "1,4",
                "--org",
                "bench-smoke-decisions",
                "--consent-url",
                system.url("consent-service"),
                "--steps",
                "10",
                "--disclosure-url",
                system.url("disclosure-service"),
                "--practitioner-token",
                org.confide.testing.Tokens.token("practitioner", "bench-smoke-decisions", "bench-practitioner"),
                "--org-compliance-token",
                org.confide.testing.Tokens.token("compliance", "bench-smoke-decisions", "bench-auditor"),
                "--manager-token",
                org.confide.testing.Tokens.token("manager", "bench-smoke-decisions", "bench-manager"),
                "--service-token",
                org.confide.testing.Tokens.token("service", "bench-smoke-decisions", "bench"),
                "--log-entries",
                "2000",
                "--log-increment",
                "300",
                "--log-clients",
                "50",
                "--log-org",
                "bench-smoke-log",
                "--audit-url",
                system.url("audit-service"),
                "--compliance-token",
                org.confide.testing.Tokens.token("compliance", "bench-smoke-log", "auditor"),
                "--warmup-seconds",
                "1",
                "--measure-seconds",
                "1",
                "--settle-seconds",
                "2",
                "--kafka",
                system.broker.bootstrapServers(),
                "--db-server",
                TestDatabase.server(),
                "--db-user",
                TestDatabase.user(),
                "--db-password",
                TestDatabase.password(),
                "--db-suffix",
                TestDatabase.name("_systest"),
                "--jwt-public-key",
                system.publicKey.toString(),
                "--audit-signing-key",
                system.auditSigningKey.toString(),
                "--results",
                results.toString()));
        Path root = Path.of(System.getProperty("confide.root", ".."))
                .toAbsolutePath()
                .normalize();
        for (String s : List.of("records-service", "audit-service")) {
            args.add("--service");
            args.add(s + "=" + root.resolve(s + "/target/quarkus-app/quarkus-run.jar") + "@" + system.pid(s));
        }
        // The services the decisions touch, charged by pid (only the given pids are the stack's: issue 24's CPU rows).
        for (String s : List.of("consent-service", "disclosure-service")) {
            args.add("--pid");
            args.add(s + "=" + system.pid(s));
        }
        Bench.main(args.toArray(String[]::new));

        ObjectMapper json = new ObjectMapper();
        List<String> ingest = Files.readAllLines(results.resolve("ingest.jsonl"));
        assertEquals(2, ingest.size(), "ingest against a plain insert and against COPY of the same rows (issue 24)");
        for (String line : ingest) {
            JsonNode row = json.readTree(line);
            assertTrue(row.get("value").asDouble() > 0, "ingest rate measured: " + line);
            assertTrue(row.get("baseline").asDouble() > 0, "the baseline measured in the same run: " + line);
            assertEquals(300, row.get("events").asInt());
        }
        List<JsonNode> decisions = new ArrayList<>();
        for (String line : Files.readAllLines(results.resolve("decisions.jsonl"))) decisions.add(json.readTree(line));
        List<JsonNode> figures = decisions.stream()
                .filter(d -> d.get("benchmark").asText().startsWith("consent decisions"))
                .toList();
        assertEquals(4, figures.size(), "throughput and p99 at each of two concurrencies");
        for (JsonNode d : figures) {
            assertTrue(d.get("value").asDouble() > 0 && d.get("baseline").asDouble() > 0, d.toString());
        }
        for (int c : new int[] {1, 4}) {
            // Where the CPU went: the service that answered used some for every decision, and it is told apart.
            String service = "CPU/request c=" + c + " consent-service";
            assertTrue(
                    decisions.stream()
                            .anyMatch(d -> d.get("benchmark").asText().trim().equals(service)
                                    && d.get("value").asDouble() > 0),
                    service + " in " + decisions);
        }
        List<String> endToEnd = Files.readAllLines(results.resolve("endtoend.jsonl"));
        assertEquals(2, endToEnd.size(), "p50 and p99 from a disclosure step to its audit entry");
        for (String line : endToEnd) {
            JsonNode e = json.readTree(line);
            assertTrue(e.get("value").asDouble() > 0 && e.get("steps").asInt() == 10, line);
        }
        List<String> queries = Files.readAllLines(results.resolve("queries.jsonl"));
        assertEquals(
                5,
                queries.size(),
                "trail p99, per-client p99, verify rate, full verify and incremental verify (issue 21)");
        for (String line : queries) {
            assertTrue(json.readTree(line).get("value").asDouble() > 0, line);
        }
        List<String> startup = Files.readAllLines(results.resolve("startup.jsonl"));
        assertEquals(6, startup.size(), "start time, RSS at ready and RSS after the run, per service");
        for (String line : startup) {
            assertTrue(json.readTree(line).get("value").asDouble() > 0, line);
        }
    }
}
