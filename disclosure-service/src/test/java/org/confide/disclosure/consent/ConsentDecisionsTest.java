package org.confide.disclosure.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.confide.disclosure.consent.ConsentDecisions.Question;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Fail closed (docs/api.md disclosure-service): faults that a real consent-service cannot be made to produce on demand. */
class ConsentDecisionsTest {

    private static final Question Q = new Question("c1", null, "GP", null, "RISK_INFORMATION", "SAFEGUARDING");
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private String serve(int status, String body, long delayMs, AtomicReference<String> seen) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/consent-decisions", ex -> {
            if (seen != null) {
                seen.set(ex.getRequestHeaders().getFirst("Authorization") + "|"
                        + ex.getRequestHeaders().getFirst("X-Correlation-Id") + "|"
                        + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) ex.getResponseBody().write(b);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ConsentAnswer ask(String url, Duration timeout) {
        return new ConsentDecisions(url, timeout, new ObjectMapper())
                .ask(List.of(Q), "tok", "case-1")
                .getFirst();
    }

    @Test
    @DisplayName("a PERMIT is consented; the call carries the token, the case id as correlation id and the question")
    void permit() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        String url =
                serve(200, "{\"decision\":\"PERMIT\",\"consentId\":\"k1\",\"reason\":\"CONSENT_ACTIVE\"}", 0, seen);
        ConsentAnswer a = ask(url, Duration.ofSeconds(2));
        assertTrue(a.permitted());
        assertTrue(a.checked());
        assertEquals("k1", a.consentId());
        assertTrue(seen.get().startsWith("Bearer tok|case-1|"), seen.get());
        assertTrue(seen.get().contains("\"clientId\":\"c1\"") && seen.get().contains("\"purpose\":\"SAFEGUARDING\""));
    }

    @Test
    @DisplayName("a DENY is checked and not consented")
    void deny() throws Exception {
        ConsentAnswer a =
                ask(serve(200, "{\"decision\":\"DENY\",\"reason\":\"WITHDRAWN\"}", 0, null), Duration.ofSeconds(2));
        assertFalse(a.permitted());
        assertTrue(a.checked());
        assertEquals("WITHDRAWN", a.reason());
    }

    @Test
    @DisplayName("fail closed: nobody listening is not consented, and unchecked")
    void nobodyListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertClosed(ask("http://127.0.0.1:" + port, Duration.ofSeconds(2)));
    }

    @Test
    @DisplayName("fail closed: too slow is not consented, and the wait is bounded by the timeout")
    void slow() throws Exception {
        String url = serve(200, "{\"decision\":\"PERMIT\"}", 3000, null);
        long start = System.nanoTime();
        assertClosed(ask(url, Duration.ofMillis(300)));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000, "must not wait for the slow answer");
    }

    @Test
    @DisplayName("fail closed: nonsense (not JSON, no decision, unknown decision, an error status) is not consented")
    void nonsense() throws Exception {
        for (String body : List.of(
                "<html>hello</html>",
                "{\"reason\":\"CONSENT_ACTIVE\"}",
                "{\"decision\":\"MAYBE\"}",
                "{\"decision\":true}",
                "[]",
                "")) {
            assertClosed(ask(serve(200, body, 0, null), Duration.ofSeconds(2)));
            stop();
        }
        assertClosed(ask(serve(500, "{\"decision\":\"PERMIT\"}", 0, null), Duration.ofSeconds(2)));
        stop();
        assertClosed(ask(serve(404, "{}", 0, null), Duration.ofSeconds(2)));
    }

    @Test
    @DisplayName(
            "fail closed: consent-service's 503 problem+json (its decision's record not acknowledged by Kafka) is not consented")
    void brokerDownAtConsentService() throws Exception {
        assertClosed(ask(
                serve(
                        503,
                        "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                                + "\"detail\":\"the event broker did not acknowledge the record of this answer in time\"}",
                        0,
                        null),
                Duration.ofSeconds(2)));
    }

    private static void assertClosed(ConsentAnswer a) {
        assertFalse(a.permitted());
        assertFalse(a.checked());
        assertEquals(ConsentAnswer.UNAVAILABLE, a.reason());
    }
}
