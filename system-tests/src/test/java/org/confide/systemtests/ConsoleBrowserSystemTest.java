package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The console (issue 20) in a real browser: the console server started as `./confide up` starts it (dev sign-in on,
 * the audit key pinned), forwarding to the four running services, and console/e2e's tests driving Debian's Chromium
 * through playwright-core. The short run covers each role's main flows; CONFIDE_CONSOLE_E2E=full adds the longer ones.
 */
class ConsoleBrowserSystemTest {

    private static final Path ROOT =
            Path.of(System.getProperty("confide.root", "..")).toAbsolutePath().normalize();
    private static final Path CONSOLE = ROOT.resolve("console");
    private static final Path LOGS = ROOT.resolve("system-tests/target");

    @Test
    @DisplayName("console: compliance, manager, practitioner and client flows in Chromium against the running services")
    void consoleInChromium() throws Exception {
        RunningSystem system = RunningSystem.get();
        // Installs chromium and the npm packages when missing, builds the app when its sources changed.
        run(
                List.of(CONSOLE.resolve("prepare.sh").toString(), "--browser"),
                Map.of(),
                LOGS.resolve("console-prepare.log"),
                Duration.ofMinutes(10),
                "console/prepare.sh --browser");
        // The browser's audit checks on their own first (RFC 6962 roots and proofs, entry hashes, signed notes).
        run(
                List.of("npm", "run", "test:unit"),
                Map.of(),
                LOGS.resolve("console-unit.log"),
                Duration.ofMinutes(3),
                "the console's unit tests (console/test)");

        Path devKey = Files.createTempFile("confide-console-dev", ".pem");
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream("confide-test/privateKey.pem")) {
            Files.write(devKey, in.readAllBytes());
        }
        String auditKey = output(
                List.of("node", CONSOLE.resolve("server/audit-key.mjs").toString(), system.auditSigningKey.toString()));
        int port = ServiceProcess.freePort();
        String url = "http://127.0.0.1:" + port;
        ProcessBuilder server = new ProcessBuilder(
                        "node", CONSOLE.resolve("server/server.mjs").toString(), "--dev")
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve("console-server.log").toFile());
        server.environment()
                .putAll(Map.of(
                        "CONFIDE_CONSOLE_PORT", String.valueOf(port),
                        "CONFIDE_CONSENT_URL", system.url("consent-service"),
                        "CONFIDE_DISCLOSURE_URL", system.url("disclosure-service"),
                        "CONFIDE_RECORDS_URL", system.url("records-service"),
                        "CONFIDE_AUDIT_URL", system.url("audit-service"),
                        "CONFIDE_CONSOLE_DEV_LOGIN", "true",
                        "CONFIDE_CONSOLE_DEV_SIGNING_KEY", devKey.toString(),
                        "CONFIDE_JWT_ISSUER", Tokens.ISSUER,
                        "CONFIDE_AUDIT_PUBLIC_KEY", auditKey));
        Process console = server.start();
        try {
            awaitHealthy(url, console, LOGS.resolve("console-server.log"));
            Map<String, String> env = new java.util.HashMap<>(Map.of("CONFIDE_CONSOLE_URL", url));
            for (String pass : List.of("CONFIDE_CONSOLE_E2E", "CONFIDE_CONSOLE_SCREENSHOTS", "CONFIDE_CHROMIUM")) {
                String v = System.getenv(pass);
                if (v != null) env.put(pass, v);
            }
            Duration limit = "full".equals(System.getenv("CONFIDE_CONSOLE_E2E"))
                    ? Duration.ofMinutes(30)
                    : Duration.ofMinutes(8);
            run(
                    List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "e2e/"),
                    env,
                    LOGS.resolve("console-e2e.log"),
                    limit,
                    "the console's browser tests (console/e2e)");
        } finally {
            console.destroy();
            if (!console.waitFor(10, TimeUnit.SECONDS)) console.destroyForcibly();
            Files.deleteIfExists(devKey);
        }
    }

    /** Runs a command in console/, its output to log and to this test's output; fails with the log's tail (KeycloakSystemTest too). */
    static void run(List<String> command, Map<String, String> env, Path log, Duration limit, String what)
            throws Exception {
        ProcessBuilder b = new ProcessBuilder(command)
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        boolean done = p.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroyForcibly().waitFor();
        }
        String out = Files.readString(log);
        System.out.println(out);
        if (!done) throw new AssertionError(what + " did not finish within " + limit + ":\n" + tail(out));
        assertEquals(0, p.exitValue(), what + " failed (see " + log + "):\n" + tail(out));
    }

    static String output(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), String.join(" ", command));
        return out;
    }

    static void awaitHealthy(String url, Process console, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!console.isAlive()) throw new AssertionError("the console server exited:\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/healthz"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the console server did not answer /healthz:\n" + Files.readString(log));
    }

    private static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
