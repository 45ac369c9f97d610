package org.confide.disclosure;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for consent-service's {@code POST /consent-decisions} inside the test JVM, so that module tests can make it
 * permit, deny, answer nonsense or be slow per client (the real service is exercised in system-tests). Default: DENY.
 */
public class ConsentStandIn implements QuarkusTestResourceLifecycleManager {

    public enum Mode {
        PERMIT,
        DENY,
        WITHDRAWN,
        NONSENSE,
        SLOW,
        ERROR
    }

    private static final Map<String, Mode> MODES = new ConcurrentHashMap<>();
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static final Pattern CLIENT = Pattern.compile("\"(?:clientId|groupId)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RECIPIENT = Pattern.compile("\"recipientType\"\\s*:\\s*\"([^\"]+)\"");
    private HttpServer server;

    /** How consent-service answers for this client (or group), every recipient. */
    public static void answer(String clientId, Mode mode) {
        MODES.put(clientId, mode);
    }

    /** How it answers for one recipient type of this client. */
    public static void answer(String clientId, String recipientType, Mode mode) {
        MODES.put(clientId + "|" + recipientType, mode);
    }

    /** Each request seen: "Authorization|X-Correlation-Id|body". */
    public static List<String> seen() {
        return SEEN;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/consent-decisions", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            SEEN.add(ex.getRequestHeaders().getFirst("Authorization") + "|"
                    + ex.getRequestHeaders().getFirst("X-Correlation-Id") + "|" + body);
            Matcher c = CLIENT.matcher(body);
            Matcher r = RECIPIENT.matcher(body);
            String client = c.find() ? c.group(1) : "";
            String recipient = r.find() ? r.group(1) : "";
            Mode mode = MODES.getOrDefault(client + "|" + recipient, MODES.getOrDefault(client, Mode.DENY));
            int status = 200;
            String answer = switch (mode) {
                case PERMIT ->
                    "{\"decision\":\"PERMIT\",\"consentId\":\"6a1e0f4e-0000-4000-8000-000000000001\",\"reason\":\"CONSENT_ACTIVE\"}";
                case DENY -> "{\"decision\":\"DENY\",\"reason\":\"NO_CONSENT\"}";
                case WITHDRAWN -> "{\"decision\":\"DENY\",\"reason\":\"WITHDRAWN\"}";
                case NONSENSE -> "<html>it works!</html>";
                case ERROR -> {
                    status = 503;
                    yield "{}";
                }
                case SLOW -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield "{\"decision\":\"PERMIT\",\"reason\":\"CONSENT_ACTIVE\"}";
                }
            };
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            try {
                ex.sendResponseHeaders(status, b.length);
                ex.getResponseBody().write(b);
            } catch (IOException gone) {
                // the caller gave up waiting (the slow case): nothing to do
            }
            ex.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return Map.of(
                "confide.disclosure.consent.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
    }
}
