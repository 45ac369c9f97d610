package org.confide.consent.consent;

import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEvents;
import static org.confide.consent.Fixtures.outboxTypes;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.confide.consent.Fixtures;
import org.confide.consent.consent.service.ExpirySweep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExpiryAndEventsTest {

    static final String ORG = "org-expiry";

    @Inject
    ExpirySweep sweep;

    static String grant(String client, String purpose, String validUntil) {
        return as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP"}, "categories": ["CASE_NOTES"], "purpose": "%s",
                         "method": "VERBAL", "explained": true, "validUntil": "%s"}""".formatted(client, purpose, validUntil))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-CONS-4: the sweep marks ACTIVE consents past validUntil EXPIRED once, records it in the history and emits consent.expired as the service")
    void sweepExpires() {
        String client = knownClient(ORG, "prac-1");
        String due = grant(client, "CONTINUING_CARE", "2099-01-01T00:00:00Z");
        String later = grant(client, "LETTER", "2099-01-01T00:00:00Z");
        String withdrawn = grant(client, "SUPERVISION", "2099-01-01T00:00:00Z");
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);
        String past = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        Fixtures.setValidUntil(due, past);
        Fixtures.setValidUntil(withdrawn, past);

        assertTrue(sweep.sweep() >= 1);
        sweep.sweep();

        as("manager", ORG, "m1")
                .get("/consents/" + due)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("history.status", equalTo(List.of("ACTIVE", "EXPIRED")))
                .body("history[1].actorRole", equalTo("service"))
                .body("history[1].actorId", equalTo("consent-service"));
        as("manager", ORG, "m1").get("/consents/" + later).then().body("status", equalTo("ACTIVE"));
        as("manager", ORG, "m1")
                .get("/consents/" + withdrawn)
                .then()
                .body("status", equalTo("WITHDRAWN"))
                .body("history.status", equalTo(List.of("ACTIVE", "WITHDRAWN")));

        List<JsonNode> expired = outboxEvents(client).stream()
                .filter(e -> e.get("type").asText().equals("consent.expired"))
                .toList();
        assertEquals(1, expired.size(), "expired once, however often the sweep runs");
        assertEquals(due, expired.getFirst().get("data").get("consentId").asText());
        assertEquals("service", expired.getFirst().get("actorrole").asText());
        assertEquals(ORG, expired.getFirst().get("org").asText());
    }

    @Test
    @DisplayName(
            "every change reaches consent-events keyed by client id, in order: granted, approved, decided, capacity.assessed, withdrawn, expired")
    void eventsReachKafka() {
        String client = knownClient(ORG, "prac-1");
        String pending = grant(client, "TRAINING", "2099-01-01T00:00:00Z");
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + pending + "/approval")
                .then()
                .statusCode(200);
        as("service", ORG, "s")
                .body("{\"clientId\": \"" + client + "\", \"recipientType\": \"GP\", \"category\": \"CASE_NOTES\", "
                        + "\"purpose\": \"TRAINING\"}")
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("PERMIT"));
        as("manager", ORG, "m1")
                .body("{\"clientId\": \"" + client + "\", \"matter\": \"OTHER\", \"hasCapacity\": true, "
                        + "\"reasons\": \"fine\"}")
                .post("/capacity-assessments")
                .then()
                .statusCode(201);
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + pending + "/withdraw")
                .then()
                .statusCode(200);
        String due = grant(client, "LETTER", "2099-01-01T00:00:00Z");
        Fixtures.setValidUntil(due, Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        sweep.sweep();

        List<String> expected = List.of(
                "consent.granted",
                "consent.approved",
                "consent.decided",
                "capacity.assessed",
                "consent.withdrawn",
                "consent.granted",
                "consent.expired");
        // The decision went straight to Kafka (no outbox row); the rest through the outbox.
        assertEquals(expected.stream().filter(t -> !t.equals("consent.decided")).toList(), outboxTypes(client));
        List<JsonNode> published = Fixtures.recordedEvents(client, expected.size());
        assertEquals(
                expected, published.stream().map(e -> e.get("type").asText()).toList());
        for (JsonNode e : published) {
            assertEquals(client, e.get("subject").asText());
            assertEquals("consent-service", e.get("source").asText());
        }
    }
}
