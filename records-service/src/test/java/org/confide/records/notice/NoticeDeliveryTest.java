package org.confide.records.notice;

import static io.restassured.RestAssured.given;
import static org.confide.records.Fixtures.ORG;
import static org.confide.records.Fixtures.acceptPartners;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.confide.records.MailTestResource;
import org.confide.records.notice.service.NoticeDelivery;
import org.confide.records.notice.service.StandardWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NoticeDeliveryTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    NoticeDelivery delivery;

    @Inject
    EntityManager em;

    HttpServer receiver;
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of(
                    "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                    "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    "signature", exchange.getRequestHeaders().getFirst("webhook-signature"),
                    "contentType", exchange.getRequestHeaders().getFirst("content-type"),
                    "body", body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    static JsonPath refer(String partner, String email) {
        acceptPartners(ORG, partner);
        String body = """
                {"providerOrg": "org-a", "identity": {"fullName": "Quentin Marsh", "dateOfBirth": "1999-02-03"},
                 "programme": "MENTORING", "reason": "lost his job"%s}""".formatted(email == null ? "" : ", \"referrerEmail\": \"" + email + "\"");
        return as("partner", partner, "partner-api")
                .body(body)
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static void milestone(String clientId, String body) {
        as("manager", "mgr-1")
                .body(body)
                .post("/clients/" + clientId + "/milestones")
                .then()
                .statusCode(201);
    }

    @Test
    @DisplayName(
            "R-REF-1: each milestone's notice is a row written with it, then POSTed to the partner's webhook as a signed CloudEvent carrying only the referral, the milestone and its time")
    void webhook() throws Exception {
        String partner = "partner-hook";
        JsonPath created = as("partner", partner, "p1")
                .body(Map.of("url", hookUrl()))
                .put("/partner/webhook")
                .then()
                .statusCode(200)
                .body("url", equalTo(hookUrl()))
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath();
        String secret = created.getString("secret");
        as("partner", partner, "p1")
                .get("/partner/webhook")
                .then()
                .statusCode(200)
                .body("secret", nullValue());
        as("partner", partner, "p1")
                .body(Map.of("url", hookUrl()))
                .put("/partner/webhook")
                .then()
                .statusCode(200)
                .body("secret", nullValue());

        JsonPath r = refer(partner, null);
        String referralId = r.getString("id");
        String clientId = r.getString("clientId");
        milestone(clientId, "{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-n\"}");
        as("partner", partner, "p1")
                .get("/partner/deliveries")
                .then()
                .statusCode(200)
                .body("items.status", hasItem("PENDING"))
                .body("items.referralId", everyItem(equalTo(referralId)));

        delivery.deliverDue();

        List<Map<String, String>> mine = received.stream()
                .filter(m -> m.get("body").contains(referralId))
                .toList();
        assertEquals(1, mine.size(), received.toString());
        Map<String, String> call = mine.getFirst();
        assertEquals(
                StandardWebhooks.signature(
                        List.of(secret), call.get("id"), Long.parseLong(call.get("timestamp")), call.get("body")),
                call.get("signature"));
        assertTrue(call.get("contentType").startsWith("application/cloudevents+json"), call.toString());
        JsonNode event = MAPPER.readTree(call.get("body"));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("referral.milestone", event.get("type").asText());
        java.util.Set<String> fields = new java.util.HashSet<>();
        event.get("data").fieldNames().forEachRemaining(fields::add);
        assertEquals(java.util.Set.of("referralId", "milestone", "at"), fields);
        assertEquals(
                "PRACTITIONER_ALLOCATED", event.get("data").get("milestone").asText());
        assertFalse(
                call.get("body").contains(clientId)
                        || call.get("body").contains("Quentin")
                        || call.get("body").contains("prac-n"),
                call.get("body"));

        as("partner", partner, "p1")
                .get("/partner/deliveries?status=DELIVERED")
                .then()
                .statusCode(200)
                .body("items.channel", hasItem("WEBHOOK"))
                .body("items.deliveredAt", everyItem(notNullValue()));
        JsonNode audit = outbox("referrer.notified", clientId).getLast();
        assertEquals("WEBHOOK", audit.get("data").get("channel").asText());
        assertEquals("DELIVERED", audit.get("data").get("outcome").asText());
        assertEquals("service", audit.get("actorrole").asText());

        // Rotation: the new secret and the old one both sign, the new one first.
        String rotated = as("partner", partner, "p1")
                .post("/partner/webhook/rotation")
                .then()
                .statusCode(200)
                .body("previousSecretValidUntil", notNullValue())
                .extract()
                .path("secret");
        milestone(clientId, "{\"type\": \"INITIAL_MEETING_HELD\"}");
        delivery.deliverDue();
        Map<String, String> second = received.getLast();
        assertEquals(
                StandardWebhooks.signature(
                        List.of(rotated, secret),
                        second.get("id"),
                        Long.parseLong(second.get("timestamp")),
                        second.get("body")),
                second.get("signature"));
    }

    @Test
    @DisplayName(
            "R-REF-1: an outage delays a notice: a failed attempt is retried later, after a day it is PARKED, shown to the partner and the admin, and a retry delivers it once")
    void outageThenParkThenRetry() {
        String partner = "partner-down";
        as("partner", partner, "p2")
                .body(Map.of("url", hookUrl()))
                .put("/partner/webhook")
                .then()
                .statusCode(200);
        JsonPath r = refer(partner, null);
        String clientId = r.getString("clientId");
        answer.set(503);
        milestone(clientId, "{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-d\"}");
        delivery.deliverDue();
        String id = as("partner", partner, "p2")
                .get("/partner/deliveries")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastError", equalTo("the endpoint answered HTTP 503"))
                .body("items[0].nextAttemptAt", notNullValue())
                .extract()
                .path("items[0].id");
        assertEquals(
                "FAILED",
                outbox("referrer.notified", clientId)
                        .getLast()
                        .get("data")
                        .get("outcome")
                        .asText());
        int calls = received.size();
        delivery.deliverDue();
        assertEquals(calls, received.size(), "not tried again before its backoff has passed");

        // A day of failures: the notice is as old as the give-up period (its time moved back, not waited for).
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update notice set created_at = created_at - interval '2 days', next_attempt_at = now() where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
        delivery.deliverDue();
        as("partner", partner, "p2")
                .get("/partner/deliveries?status=PARKED")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        assertEquals(
                "PARKED",
                outbox("referrer.notified", clientId)
                        .getLast()
                        .get("data")
                        .get("outcome")
                        .asText());
        as("admin", ORG, "adm")
                .get("/notices?status=PARKED")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.referrerOrg", hasItem(partner));

        answer.set(200);
        as("partner", "partner-other", "p9")
                .post("/partner/deliveries/" + id + "/retry")
                .then()
                .statusCode(404);
        as("partner", partner, "p2")
                .post("/partner/deliveries/" + id + "/retry")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        as("partner", partner, "p2")
                .post("/partner/deliveries/" + id + "/retry")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REF-1"));
        int before = received.size();
        delivery.deliverDue();
        delivery.deliverDue();
        assertEquals(
                1,
                received.subList(before, received.size()).stream()
                        .filter(m -> m.get("id").equals(id))
                        .count(),
                "delivered once");
        assertEquals(
                "DELIVERED",
                rows("select status from notice where id = ?1", UUID.fromString(id))
                        .getFirst()[0]);
    }

    @Test
    @DisplayName(
            "R-REF-1: a referrer without a webhook gets the notice by e-mail at the referral's address, naming the referral and milestone, never the client")
    void email() throws Exception {
        String partner = "partner-mail";
        JsonPath r = refer(partner, "referrer@partner-mail.example");
        String referralId = r.getString("id");
        milestone(r.getString("clientId"), "{\"type\": \"PRACTITIONER_ALLOCATED\", \"practitionerId\": \"prac-m\"}");
        delivery.deliverDue();
        MimeMessage mail = java.util.Arrays.stream(MailTestResource.server().getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(referralId))
                .findFirst()
                .orElseThrow();
        assertEquals("referrer@partner-mail.example", mail.getAllRecipients()[0].toString());
        String all = GreenMailUtil.getWholeMessage(mail);
        assertTrue(all.contains("PRACTITIONER_ALLOCATED"), all);
        assertFalse(
                all.contains("Quentin") || all.contains("Marsh") || all.contains("prac-m") || all.contains("job"), all);
        as("partner", partner, "p3")
                .get("/partner/deliveries")
                .then()
                .statusCode(200)
                .body("items[0].channel", equalTo("EMAIL"))
                .body("items[0].status", equalTo("DELIVERED"));
    }

    @Test
    @DisplayName(
            "R-REF-1: webhook registration: https only (422 naming url), the partner role only (403), no token 401, none yet 404")
    void registrationRefusals() {
        as("partner", "partner-none", "p4").get("/partner/webhook").then().statusCode(404);
        as("partner", "partner-none", "p4")
                .post("/partner/webhook/rotation")
                .then()
                .statusCode(404);
        as("partner", "partner-none", "p4").delete("/partner/webhook").then().statusCode(404);
        as("partner", "partner-none", "p4")
                .body(Map.of("url", "http://partner.example/hook"))
                .put("/partner/webhook")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REF-1"))
                .body("violations[0].field", equalTo("url"));
        as("partner", "partner-none", "p4")
                .body("{}")
                .put("/partner/webhook")
                .then()
                .statusCode(422);
        as("manager", "mgr-1")
                .body(Map.of("url", "https://partner.example/hook"))
                .put("/partner/webhook")
                .then()
                .statusCode(403);
        as("manager", "mgr-1").get("/partner/deliveries").then().statusCode(403);
        as("partner", "partner-none", "p4").get("/notices").then().statusCode(403);
        as("admin", "adm").get("/notices?status=LOST").then().statusCode(400);
        as("partner", "partner-none", "p4")
                .get("/partner/deliveries?status=NOPE")
                .then()
                .statusCode(400);
        as("partner", "partner-none", "p4")
                .post("/partner/deliveries/not-a-uuid/retry")
                .then()
                .statusCode(400);
        given().get("/partner/webhook").then().statusCode(401);
        given().get("/partner/deliveries").then().statusCode(401);
        given().get("/notices").then().statusCode(401);

        as("partner", "partner-none", "p4")
                .body(Map.of("url", "https://partner.example/hook"))
                .put("/partner/webhook")
                .then()
                .statusCode(200);
        as("partner", "partner-none", "p4").delete("/partner/webhook").then().statusCode(204);
        as("partner", "partner-none", "p4")
                .get("/partner/webhook")
                .then()
                .statusCode(404)
                .body("secret", not(notNullValue()));
    }
}
