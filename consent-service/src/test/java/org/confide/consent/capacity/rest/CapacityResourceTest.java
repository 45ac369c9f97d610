package org.confide.consent.capacity.rest;

import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEvents;
import static org.confide.consent.Fixtures.outboxTypes;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CapacityResourceTest {

    static final String ORG = "org-capacity";

    static ValidatableResponse assess(String role, String org, String sub, String client, String matter, boolean has) {
        return as(role, org, sub)
                .body("""
                        {"clientId": "%s", "matter": "%s", "hasCapacity": %s, "reasons": "could not retain the information today",
                         "explanationToPerson": "went through it with them slowly", "hasSignificantOther": false}""".formatted(client, matter, has))
                .post("/capacity-assessments")
                .then();
    }

    static ValidatableResponse decide(String client) {
        return as("service", ORG, "disclosure-service")
                .body("""
                {"clientId": "%s", "recipientType": "GP", "category": "CASE_NOTES", "purpose": "CONTINUING_CARE"}""".formatted(client))
                .post("/consent-decisions")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse grant(String client) {
        return as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP"}, "categories": ["CASE_NOTES"],
                         "purpose": "CONTINUING_CARE", "method": "WRITTEN_SIGNED", "explained": true}""".formatted(client))
                .post("/consents")
                .then();
    }

    @Test
    @DisplayName(
            "R-CONS-5: while the latest INFORMATION_SHARING assessment says the client lacks capacity, decisions DENY CAPACITY_LACKING; a later one restores them")
    void capacityGovernsDecisions() {
        String client = knownClient(ORG, "prac-1");
        String consent = grant(client).statusCode(201).extract().path("id");
        decide(client).body("decision", equalTo("PERMIT"));

        String id = assess("practitioner", ORG, "prac-1", client, "INFORMATION_SHARING", false)
                .statusCode(201)
                .body("clientId", equalTo(client))
                .body("matter", equalTo("INFORMATION_SHARING"))
                .body("hasCapacity", equalTo(false))
                .body("assessedBy", equalTo("prac-1"))
                .extract()
                .path("id");
        decide(client)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("CAPACITY_LACKING"))
                .body("consentId", nullValue());
        // Another matter does not change information sharing (capacity is decision-specific).
        assess("manager", ORG, "m1", client, "CARE_DECISIONS", true).statusCode(201);
        decide(client).body("reason", equalTo("CAPACITY_LACKING"));
        assess("manager", ORG, "m1", client, "INFORMATION_SHARING", true).statusCode(201);
        decide(client).body("decision", equalTo("PERMIT")).body("consentId", equalTo(consent));

        as("manager", ORG, "m1")
                .get("/capacity-assessments/" + id)
                .then()
                .statusCode(200)
                .body("reasons", equalTo("could not retain the information today"));
        List<JsonNode> assessed = outboxEvents(client).stream()
                .filter(e -> e.get("type").asText().equals("capacity.assessed"))
                .toList();
        assertEquals(3, assessed.size());
        assertEquals(id, assessed.getFirst().get("data").get("assessmentId").asText());
        assertEquals(false, assessed.getFirst().get("data").get("hasCapacity").asBoolean());
        assertFalse(assessed.toString().contains("retain the information"), "no free text in events");
    }

    @Test
    @DisplayName(
            "R-CONS-5: consent given while the client lacks capacity for information sharing is not valid: 422, nothing written")
    void noConsentWithoutCapacity() {
        String client = knownClient(ORG, "prac-1");
        assess("manager", ORG, "m1", client, "INFORMATION_SHARING", false).statusCode(201);
        grant(client).statusCode(422).body("rule", equalTo("R-CONS-5"));
        as("client", ORG, client)
                .body("""
                {"recipient": {"type": "GP"}, "categories": ["CASE_NOTES"], "purpose": "CONTINUING_CARE", "explained": true}""")
                .post("/me/consents")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONS-5"));
        assertEquals(List.of("capacity.assessed"), outboxTypes(client));
    }

    @Test
    @DisplayName(
            "POST /capacity-assessments: manager and allocated practitioner; unallocated practitioner 403, other roles 403, other organisation 404")
    void auth() {
        String client = knownClient(ORG, "prac-1");
        assess("practitioner", ORG, "prac-2", client, "OTHER", true)
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        for (String role : List.of("client", "supervisor", "partner", "compliance", "admin", "service")) {
            assess(role, ORG, client, client, "OTHER", true).statusCode(403).contentType("application/problem+json");
        }
        assess("manager", "org-other", "m9", client, "OTHER", true).statusCode(404);
        assess("manager", ORG, "m1", "never-registered", "OTHER", true).statusCode(404);
        assertEquals(List.of(), outboxTypes(client));
        String id = assess("manager", ORG, "m1", client, "OTHER", true)
                .statusCode(201)
                .extract()
                .path("id");
        as("practitioner", ORG, "prac-2")
                .get("/capacity-assessments/" + id)
                .then()
                .statusCode(403);
        as("manager", "org-other", "m9")
                .get("/capacity-assessments/" + id)
                .then()
                .statusCode(404);
        as("client", ORG, client).get("/capacity-assessments/" + id).then().statusCode(403);
    }

    @Test
    @DisplayName(
            "bad input: unknown matter 400 listing the matters, missing fields 422; Idempotency-Key replays the first assessment")
    void badInputAndIdempotency() {
        String client = knownClient(ORG, "prac-1");
        assess("manager", ORG, "m1", client, "FINANCES", true)
                .statusCode(400)
                .body("violations[0].field", equalTo("matter"))
                .body("detail", containsString("INFORMATION_SHARING"));
        as("manager", ORG, "m1")
                .body("{\"clientId\": \"" + client + "\"}")
                .post("/capacity-assessments")
                .then()
                .statusCode(422)
                .body("violations.field", hasItems("matter", "hasCapacity", "reasons"));
        as("manager", ORG, "m1")
                .body("{\"clientId\": \"" + client
                        + "\", \"matter\": \"OTHER\", \"hasCapacity\": \"perhaps\", \"reasons\": \"x\"}")
                .post("/capacity-assessments")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("hasCapacity"));
        String body = "{\"clientId\": \"" + client
                + "\", \"matter\": \"OTHER\", \"hasCapacity\": true, \"reasons\": \"fine\"}";
        String first = as("manager", ORG, "m1")
                .header("Idempotency-Key", "cap-" + client)
                .body(body)
                .post("/capacity-assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("manager", ORG, "m1")
                .header("Idempotency-Key", "cap-" + client)
                .body(body)
                .post("/capacity-assessments")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("manager", ORG, "m1")
                .header("Idempotency-Key", "cap-" + client)
                .body(body.replace("true", "false"))
                .post("/capacity-assessments")
                .then()
                .statusCode(409);
        assertEquals(List.of("capacity.assessed"), outboxTypes(client));
    }
}
