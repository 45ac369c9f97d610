package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-REF-1 across processes: the running records-service tells referrers of the three milestones through a real HTTP
 * receiver (a partner's webhook) and a real SMTP server; the signatures are checked with the Standard Webhooks
 * reference library (npm standardwebhooks, tools/webhooks), not with Confide's own code.
 */
class WebhookSystemTest {

    static final String PROVIDER = "org-webhooks";
    static final String NAME = "Ottoline Brackenbury";
    static final String REASON = "panic attacks since the fire at her flat";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static RunningSystem system;
    private static String records;
    private static HttpServer receiver;
    private static int port;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        records = system.url("records-service");
        port = ServiceProcess.freePort();
        receiverUp();
    }

    @AfterAll
    static void stop() {
        if (receiver != null) receiver.stop(0);
    }

    /** The partner's endpoint: keeps what it is sent, answers 204. */
    static void receiverUp() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/confide", exchange -> {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("id", exchange.getRequestHeaders().getFirst("webhook-id"));
            d.put("timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            d.put("signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
            d.put("contentType", exchange.getRequestHeaders().getFirst("content-type"));
            d.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(d);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    static RequestSpecification as(String role, String org, String sub) {
        return given().baseUri(records)
                .auth()
                .oauth2(Tokens.token(role, org, sub))
                .contentType(ContentType.JSON);
    }

    static JsonPath refer(String partner, String email) {
        as("admin", PROVIDER, "adm")
                .body(Map.of("partnerOrgs", List.of("partner-hook-sys", "partner-mail-sys")))
                .put("/settings/partners")
                .then()
                .statusCode(200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerOrg", PROVIDER);
        body.put("identity", Map.of("fullName", NAME, "dateOfBirth", "1990-05-06"));
        body.put("programme", "COUNSELLING");
        body.put("reason", REASON);
        if (email != null) body.put("referrerEmail", email);
        return as("partner", partner, "partner-api")
                .body(body)
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static void milestone(String clientId, String json) {
        as("manager", PROVIDER, "mgr")
                .body(json)
                .post("/clients/" + clientId + "/milestones")
                .then()
                .statusCode(201);
    }

    static JsonPath deliveries(String partner) {
        return as("partner", partner, "partner-api")
                .get("/partner/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void await(String what, BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            if (done.getAsBoolean()) return;
            Thread.sleep(250);
        }
        throw new AssertionError("not within a minute: " + what);
    }

    /** The npm standardwebhooks library's verdict on each delivery with this secret: "ok" or "fail: ...". */
    static List<String> verify(String secret, List<Map<String, String>> deliveries) throws Exception {
        Path root = Path.of(System.getProperty("confide.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dir = root.resolve("tools/webhooks");
        if (!Files.isDirectory(dir.resolve("node_modules/standardwebhooks"))) {
            Process ci = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(ci.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, ci.waitFor(), "npm ci in tools/webhooks: " + out);
        }
        List<Map<String, String>> input = new ArrayList<>();
        for (Map<String, String> d : deliveries) {
            Map<String, String> m = new LinkedHashMap<>(d);
            m.put("secret", secret);
            input.add(m);
        }
        Process node = new ProcessBuilder("node", "verify.mjs")
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        node.getOutputStream().write(MAPPER.writeValueAsBytes(input));
        node.getOutputStream().close();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.waitFor(), out);
        return out.lines().toList();
    }

    @Test
    @DisplayName(
            "R-REF-1: the three milestones reach the partner's webhook as signed CloudEvents that the Standard Webhooks library verifies, once each, one of them after the receiver was down; a wrong secret fails")
    void webhooks() throws Exception {
        String partner = "partner-hook-sys";
        String secret = as("partner", partner, "partner-api")
                .body(Map.of("url", "http://127.0.0.1:" + port + "/confide"))
                .put("/partner/webhook")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        JsonPath r = refer(partner, null);
        String referralId = r.getString("id");
        String clientId = r.getString("clientId");

        milestone(clientId, "{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-sys\"}");
        milestone(clientId, "{\"type\": \"INITIAL_MEETING_HELD\"}");
        await("two notices delivered", () -> received.size() >= 2);

        receiver.stop(0); // the partner's endpoint is down
        milestone(clientId, "{\"type\": \"CONTACT_CEASED\"}");
        await(
                "the third notice failed at least once",
                () -> deliveries(partner).getList("items", Map.class).stream()
                        .anyMatch(d -> "CONTACT_CEASED".equals(d.get("milestone"))
                                && "PENDING".equals(d.get("status"))
                                && ((Integer) d.get("attempts")) >= 1));
        receiverUp();
        await(
                "the third notice delivered once the receiver is back",
                () -> deliveries(partner).getList("items.status", String.class).stream()
                        .allMatch("DELIVERED"::equals));
        Thread.sleep(3000); // a second copy would come within the backoff (2 s at most here)

        assertEquals(3, received.size(), received.toString());
        assertEquals(3, received.stream().map(d -> d.get("id")).distinct().count(), "each notice once: " + received);
        List<String> milestones = new ArrayList<>();
        for (Map<String, String> d : received) {
            assertTrue(d.get("contentType").startsWith("application/cloudevents+json"), d.toString());
            var event = MAPPER.readTree(d.get("body"));
            assertEquals("referral.milestone", event.get("type").asText());
            assertEquals(referralId, event.get("data").get("referralId").asText());
            milestones.add(event.get("data").get("milestone").asText());
            String body = d.get("body");
            assertFalse(
                    body.contains(clientId)
                            || body.contains("Ottoline")
                            || body.contains("Brackenbury")
                            || body.contains("panic")
                            || body.contains("prac-sys"),
                    body);
        }
        assertEquals(List.of("PRACTITIONER_ALLOCATED", "INITIAL_MEETING_HELD", "CONTACT_CEASED"), milestones);

        assertEquals(List.of("ok", "ok", "ok"), verify(secret, received));
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        List<String> wrong = verify("whsec_" + Base64.getEncoder().encodeToString(other), received);
        assertEquals(3, wrong.size());
        assertTrue(wrong.stream().allMatch(v -> v.startsWith("fail")), wrong.toString());
    }

    @Test
    @DisplayName(
            "R-REF-1: a referrer without a webhook gets the three notices as mails through a real SMTP server, naming the referral and milestone, never the client")
    void mails() throws Exception {
        String to = "referrer@partner-mail-sys.example";
        JsonPath r = refer("partner-mail-sys", to);
        String referralId = r.getString("id");
        String clientId = r.getString("clientId");
        milestone(clientId, "{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-sys\"}");
        milestone(clientId, "{\"type\": \"INITIAL_MEETING_HELD\"}");
        milestone(clientId, "{\"type\": \"CONTACT_CEASED\"}");
        await("three mails", () -> mailsAbout(referralId).size() == 3);
        List<String> kinds = new ArrayList<>();
        for (MimeMessage m : mailsAbout(referralId)) {
            assertEquals(to, m.getAllRecipients()[0].toString());
            String all = GreenMailUtil.getWholeMessage(m);
            assertFalse(
                    all.contains("Ottoline")
                            || all.contains("Brackenbury")
                            || all.contains("panic")
                            || all.contains(clientId)
                            || all.contains("prac-sys"),
                    all);
            for (String k : List.of("PRACTITIONER_ALLOCATED", "INITIAL_MEETING_HELD", "CONTACT_CEASED"))
                if (all.contains(k)) kinds.add(k);
        }
        // One mail per milestone; the order they arrive in is not promised (a failed attempt is retried later).
        assertEquals(
                List.of("CONTACT_CEASED", "INITIAL_MEETING_HELD", "PRACTITIONER_ALLOCATED"),
                kinds.stream().sorted().toList());
        assertTrue(deliveries("partner-mail-sys").getList("items.channel", String.class).stream()
                .allMatch("EMAIL"::equals));
    }

    static List<MimeMessage> mailsAbout(String referralId) {
        return Arrays.stream(system.mail.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(referralId))
                .toList();
    }
}
