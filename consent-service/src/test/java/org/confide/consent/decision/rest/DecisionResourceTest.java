package org.confide.consent.decision.rest;

import static io.restassured.RestAssured.given;
import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.facilitate;
import static org.confide.consent.Fixtures.group;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEvents;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.confide.consent.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionResourceTest {

    static final String ORG = "org-decisions";

    static String consent(String client, String type, String orgId, String categories, String purpose, String extra) {
        return as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "%s"%s}, "categories": [%s], "purpose": "%s",
                         "method": "VERBAL", "explained": true%s}""".formatted(
                                client,
                                type,
                                orgId == null ? "" : ", \"orgId\": \"" + orgId + "\"",
                                categories,
                                purpose,
                                extra))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse decide(
            String role, String org, String client, String type, String orgId, String category, String purpose) {
        return as(role, org, "caller-1")
                .body("""
                        {"clientId": "%s", "recipientType": "%s"%s, "category": "%s", "purpose": "%s"}""".formatted(
                                client,
                                type,
                                orgId == null ? "" : ", \"recipientOrgId\": \"" + orgId + "\"",
                                category,
                                purpose))
                .post("/consent-decisions")
                .then();
    }

    static void expect(
            String client,
            String type,
            String orgId,
            String category,
            String purpose,
            String decision,
            String reason,
            String consentId) {
        decide("service", ORG, client, type, orgId, category, purpose)
                .statusCode(200)
                .body("decision", equalTo(decision))
                .body("reason", equalTo(reason))
                .body("consentId", consentId == null ? nullValue() : equalTo(consentId))
                .body("missingMembers", nullValue());
    }

    @Test
    @DisplayName("every decision is recorded once on consent-events, also when many arrive together")
    void concurrentDecisionsEachRecorded() throws Exception {
        String client = knownClient(ORG, "prac-1");
        String id = consent(client, "GP", null, "\"CASE_NOTES\"", "CONTINUING_CARE", "");
        int n = 40;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(
                        pool.submit(() -> decide("service", ORG, client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                                .statusCode(200)
                                .extract()
                                .path("decision")));
            }
            for (var a : answers) assertEquals("PERMIT", a.get());
        }
        List<JsonNode> decided = Fixtures.decidedEvents(client, n + 1);
        assertEquals(n, decided.size(), "one consent.decided per answer");
        assertEquals(
                n, decided.stream().map(e -> e.get("id").asText()).distinct().count());
        decided.forEach(e -> assertEquals(id, e.get("data").get("consentId").asText()));
    }

    @Test
    @DisplayName(
            "R-CONF-1: with no consent the decision is DENY NO_CONSENT; an ACTIVE covering consent PERMITs CONSENT_ACTIVE")
    void noConsentThenActive() {
        String client = knownClient(ORG, "prac-1");
        expect(client, "GP", null, "CASE_NOTES", "CONTINUING_CARE", "DENY", "NO_CONSENT", null);
        String id = consent(client, "GP", null, "\"CASE_NOTES\", \"ATTENDANCE\"", "CONTINUING_CARE", "");
        expect(client, "GP", null, "CASE_NOTES", "CONTINUING_CARE", "PERMIT", "CONSENT_ACTIVE", id);
        expect(client, "GP", "gp-9", "ATTENDANCE", "CONTINUING_CARE", "PERMIT", "CONSENT_ACTIVE", id);
        // Not covered: another recipient type, category or purpose.
        expect(client, "POLICE", null, "CASE_NOTES", "CONTINUING_CARE", "DENY", "NO_CONSENT", null);
        expect(client, "GP", null, "RISK_INFORMATION", "CONTINUING_CARE", "DENY", "NO_CONSENT", null);
        expect(client, "GP", null, "CASE_NOTES", "REFERRAL_UPDATES", "DENY", "NO_CONSENT", null);
    }

    @Test
    @DisplayName("R-CONF-1: a consent naming a recipient organisation covers that organisation only")
    void recipientOrg() {
        String client = knownClient(ORG, "prac-1");
        String id = consent(client, "PARTNER_ORG", "partner-a", "\"ATTENDANCE\"", "REFERRAL_UPDATES", "");
        expect(client, "PARTNER_ORG", "partner-a", "ATTENDANCE", "REFERRAL_UPDATES", "PERMIT", "CONSENT_ACTIVE", id);
        expect(client, "PARTNER_ORG", "partner-b", "ATTENDANCE", "REFERRAL_UPDATES", "DENY", "NO_CONSENT", null);
        expect(client, "PARTNER_ORG", null, "ATTENDANCE", "REFERRAL_UPDATES", "DENY", "NO_CONSENT", null);
    }

    @Test
    @DisplayName(
            "R-CONS-4: a withdrawn consent no longer permits (DENY WITHDRAWN); the trail is granted, decided, withdrawn, decided")
    void withdrawn() {
        String client = knownClient(ORG, "prac-1");
        String id = consent(client, "GP", null, "\"CASE_NOTES\"", "CONTINUING_CARE", "");
        expect(client, "GP", null, "CASE_NOTES", "CONTINUING_CARE", "PERMIT", "CONSENT_ACTIVE", id);
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(200);
        expect(client, "GP", null, "CASE_NOTES", "CONTINUING_CARE", "DENY", "WITHDRAWN", id);

        List<JsonNode> events = Fixtures.recordedEvents(client, 4);
        assertEquals(
                List.of("consent.granted", "consent.decided", "consent.withdrawn", "consent.decided"),
                events.stream().map(e -> e.get("type").asText()).toList());
        JsonNode decided = events.get(3).get("data");
        assertEquals("DENY", decided.get("decision").asText());
        assertEquals("WITHDRAWN", decided.get("reason").asText());
        assertEquals(id, decided.get("consentId").asText());
        assertEquals("CASE_NOTES", decided.get("category").asText());
        assertEquals("service", events.get(3).get("actorrole").asText());
    }

    @Test
    @DisplayName("R-CONS-4: past validUntil the decision is DENY EXPIRED at once, before any sweep has run")
    void expired() {
        String client = knownClient(ORG, "prac-1");
        String id = consent(
                client, "GP", null, "\"CASE_NOTES\"", "CONTINUING_CARE", ", \"validUntil\": \"2099-01-01T00:00:00Z\"");
        expect(client, "GP", null, "CASE_NOTES", "CONTINUING_CARE", "PERMIT", "CONSENT_ACTIVE", id);
        Fixtures.setValidUntil(id, Instant.now().minus(1, ChronoUnit.SECONDS).toString());
        expect(client, "GP", null, "CASE_NOTES", "CONTINUING_CARE", "DENY", "EXPIRED", id);
    }

    @Test
    @DisplayName(
            "R-CONS-2: a consent waiting for a manager's approval does not permit (DENY PENDING_APPROVAL) until approved")
    void pendingApproval() {
        String client = knownClient(ORG, "prac-1");
        String id = consent(client, "SUPERVISOR", null, "\"RECORDINGS\"", "TRAINING", "");
        expect(client, "SUPERVISOR", null, "RECORDINGS", "TRAINING", "DENY", "PENDING_APPROVAL", id);
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + id + "/approval")
                .then()
                .statusCode(200);
        expect(client, "SUPERVISOR", null, "RECORDINGS", "TRAINING", "PERMIT", "CONSENT_ACTIVE", id);
    }

    @Test
    @DisplayName("precedence: an ACTIVE consent wins over a withdrawn one; a pending one is told over a withdrawn one")
    void precedence() {
        String client = knownClient(ORG, "prac-1");
        String withdrawn = consent(client, "GP", null, "\"CASE_NOTES\"", "CASE_STUDY", "");
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);
        expect(client, "GP", null, "CASE_NOTES", "CASE_STUDY", "DENY", "WITHDRAWN", withdrawn);
        String pending = consent(client, "GP", null, "\"CASE_NOTES\"", "CASE_STUDY", "");
        expect(client, "GP", null, "CASE_NOTES", "CASE_STUDY", "DENY", "PENDING_APPROVAL", pending);
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + pending + "/approval")
                .then()
                .statusCode(200);
        expect(client, "GP", null, "CASE_NOTES", "CASE_STUDY", "PERMIT", "CONSENT_ACTIVE", pending);
    }

    @Test
    @DisplayName(
            "POST /consent-decisions: manager, services and the allocated practitioner 200; other roles 403; other organisation or unknown client 404; no token 401")
    void auth() {
        String client = knownClient(ORG, "caller-1");
        for (String role : List.of("practitioner", "manager", "service")) {
            decide(role, ORG, client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                    .statusCode(200);
        }
        for (String role : List.of("supervisor", "compliance", "admin", "client", "partner")) {
            decide(role, ORG, client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        decide("service", "org-other", client, "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                .statusCode(404)
                .contentType("application/problem+json");
        decide("service", ORG, "never-registered", "GP", null, "CASE_NOTES", "CONTINUING_CARE")
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/consent-decisions")
                .then()
                .statusCode(401);
        assertEquals(
                3, Fixtures.decidedEvents(client, 3).size(), "every decision made is recorded, refused calls are not");
    }

    @Test
    @DisplayName(
            "R-REC-1: a practitioner not allocated to the client is refused a consent decision (403 naming R-REC-1), and nothing is recorded")
    void practitionerNotAllocated() {
        String client = knownClient(ORG, "prac-allocated");
        as("practitioner", ORG, "prac-other")
                .body("""
                        {"clientId": "%s", "recipientType": "GP", "category": "CASE_NOTES", "purpose": "CONTINUING_CARE"}""".formatted(client))
                .post("/consent-decisions")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-REC-1"));
        as("practitioner", "org-other", "prac-allocated")
                .body("""
                        {"clientId": "%s", "recipientType": "GP", "category": "CASE_NOTES", "purpose": "CONTINUING_CARE"}""".formatted(client))
                .post("/consent-decisions")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("practitioner", ORG, "prac-allocated")
                .body("""
                        {"clientId": "%s", "recipientType": "GP", "category": "CASE_NOTES", "purpose": "CONTINUING_CARE"}""".formatted(client))
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("DENY"));
        // A facilitator of a group the client is a current member of counts as allocated (R-REC-1, docs/domain.md
        // "Roles").
        facilitate(ORG, group(ORG, List.of(client)), "prac-other", client);
        as("practitioner", ORG, "prac-other")
                .body("""
                        {"clientId": "%s", "recipientType": "GP", "category": "CASE_NOTES", "purpose": "CONTINUING_CARE"}""".formatted(client))
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("DENY"));
        assertEquals(2, Fixtures.decidedEvents(client, 2).size(), "only the allowed decisions are recorded");
    }

    @Test
    @DisplayName(
            "bad input: unknown enums 400 listing the values; missing fields 422; neither or both of clientId and groupId 422")
    void badInput() {
        String client = knownClient(ORG, "prac-1");
        decide("service", ORG, client, "PSYCHIC", null, "CASE_NOTES", "CONTINUING_CARE")
                .statusCode(400)
                .body("violations[0].field", equalTo("recipientType"))
                .body("detail", containsString("EMERGENCY_SERVICES"));
        decide("service", ORG, client, "GP", null, "GOSSIP", "CONTINUING_CARE")
                .statusCode(400)
                .body("violations[0].field", equalTo("category"));
        decide("service", ORG, client, "GP", null, "CASE_NOTES", "FUN")
                .statusCode(400)
                .body("violations[0].field", equalTo("purpose"));
        as("service", ORG, "s")
                .body("{\"clientId\": \"" + client + "\"}")
                .post("/consent-decisions")
                .then()
                .statusCode(422)
                .body("violations.field", hasItems("recipientType", "category", "purpose"));
        as("service", ORG, "s")
                .body("{\"recipientType\": \"GP\", \"category\": \"CASE_NOTES\", \"purpose\": \"LETTER\"}")
                .post("/consent-decisions")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("clientId"));
        as("service", ORG, "s")
                .body("{\"clientId\": \"" + client + "\", \"groupId\": \"g\", \"recipientType\": \"GP\", "
                        + "\"category\": \"CASE_NOTES\", \"purpose\": \"LETTER\"}")
                .post("/consent-decisions")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("groupId"));
        assertEquals(List.of(), outboxEvents(client));
    }
}
