package org.confide.consent.capacity.rest;

import static io.restassured.RestAssured.given;
import static org.confide.consent.Fixtures.ageBandChanged;
import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEvents;
import static org.confide.consent.Fixtures.outboxTypes;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.confide.events.age.ConsentAgeBand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-CONS-6 through the API: competence (Gillick) for under-16s, the explanation of a finding of incapacity. */
@QuarkusTest
class CompetenceTest {

    static final String ORG = "org-competence";

    static ValidatableResponse grant(String client) {
        return as("practitioner", ORG, "prac-1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP"}, "categories": ["CASE_NOTES"],
                         "purpose": "CONTINUING_CARE", "method": "WRITTEN_SIGNED", "explained": true}""".formatted(client))
                .post("/consents")
                .then();
    }

    static ValidatableResponse competence(String client, boolean competent) {
        return as("practitioner", ORG, "prac-1")
                .body("""
                        {"clientId": "%s", "matter": "INFORMATION_SHARING", "kind": "COMPETENCE", "hasCapacity": %s,
                         "reasons": "understood who would see what and why", "explanationToPerson": "told them gently",
                         "hasSignificantOther": true, "explanationToSignificantOther": "told their aunt with them"}""".formatted(client, competent))
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

    @Test
    @DisplayName(
            "R-CONS-6: an under-16's consent is 422 R-CONS-6 until a competence assessment for information sharing finds them competent; then 201 resting on it")
    void underSixteenNeedsCompetence() {
        String client = knownClient(ORG, "prac-1", ConsentAgeBand.UNDER_16);
        grant(client)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-CONS-6"))
                .body("violations[0].field", equalTo("clientId"));
        as("client", ORG, client)
                .body("""
                {"recipient": {"type": "GP"}, "categories": ["CASE_NOTES"], "purpose": "CONTINUING_CARE", "explained": true}""")
                .post("/me/consents")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONS-6"));
        // A capacity assessment is not a competence assessment.
        as("manager", ORG, "m1")
                .body("""
                {"clientId": "%s", "matter": "INFORMATION_SHARING", "hasCapacity": true, "reasons": "fine"}""".formatted(client))
                .post("/capacity-assessments")
                .then()
                .statusCode(201)
                .body("kind", equalTo("CAPACITY"));
        grant(client).statusCode(422).body("rule", equalTo("R-CONS-6"));
        // Competence for another matter does not count (decision-specific).
        as("manager", ORG, "m1")
                .body("""
                {"clientId": "%s", "matter": "CARE_DECISIONS", "kind": "COMPETENCE", "hasCapacity": true, "reasons": "fine"}""".formatted(client))
                .post("/capacity-assessments")
                .then()
                .statusCode(201);
        grant(client).statusCode(422).body("rule", equalTo("R-CONS-6"));
        assertEquals(
                List.of("capacity.assessed", "capacity.assessed"), outboxTypes(client), "a refusal writes nothing");

        String assessment = competence(client, true)
                .statusCode(201)
                .body("kind", equalTo("COMPETENCE"))
                .body("hasCapacity", equalTo(true))
                .extract()
                .path("id");
        String consent = grant(client)
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("competenceAssessmentId", equalTo(assessment))
                .extract()
                .path("id");
        decide(client).body("decision", equalTo("PERMIT")).body("consentId", equalTo(consent));

        JsonNode granted = outboxEvents(client).stream()
                .filter(e -> e.get("type").asText().equals("consent.granted"))
                .findFirst()
                .orElseThrow()
                .get("data");
        assertEquals(assessment, granted.get("competenceAssessmentId").asText());
        assertEquals("UNDER_16", granted.get("ageBand").asText());
        assertEquals("R-CONS-6", granted.get("rule").asText());
        JsonNode assessed = outboxEvents(client).stream()
                .filter(e -> e.get("type").asText().equals("capacity.assessed"))
                .toList()
                .getLast()
                .get("data");
        assertEquals("COMPETENCE", assessed.get("kind").asText());
        assertEquals("R-CONS-6", assessed.get("rule").asText());
    }

    @Test
    @DisplayName(
            "R-CONS-6: a young person found not competent: consent 422 R-CONS-6 and decisions DENY CAPACITY_LACKING; the finding was explained to them and their significant other")
    void notCompetent() {
        String client = knownClient(ORG, "prac-1", ConsentAgeBand.UNDER_16);
        competence(client, true).statusCode(201);
        grant(client).statusCode(201);
        String id = competence(client, false)
                .statusCode(201)
                .body("hasCapacity", equalTo(false))
                .body("explanationToPerson", equalTo("told them gently"))
                .body("hasSignificantOther", equalTo(true))
                .body("explanationToSignificantOther", equalTo("told their aunt with them"))
                .extract()
                .path("id");
        grant(client).statusCode(422).body("rule", equalTo("R-CONS-6"));
        decide(client).body("decision", equalTo("DENY")).body("reason", equalTo("CAPACITY_LACKING"));

        JsonNode assessed = outboxEvents(client).stream()
                .filter(e -> e.get("data").path("assessmentId").asText().equals(id))
                .findFirst()
                .orElseThrow()
                .get("data");
        assertEquals(true, assessed.get("explainedToPerson").asBoolean());
        assertEquals(true, assessed.get("significantOtherInformed").asBoolean());
        String all = outboxEvents(client).toString();
        assertFalse(
                all.contains("gently") || all.contains("aunt") || all.contains("understood"), "no free text in events");
    }

    @Test
    @DisplayName(
            "R-CONS-6: a finding of incapacity without its explanations is 422 naming the missing field; nothing is written")
    void explanationRequired() {
        String client = knownClient(ORG, "prac-1");
        String base = "{\"clientId\": \"" + client
                + "\", \"matter\": \"INFORMATION_SHARING\", \"hasCapacity\": false, \"reasons\": \"confused today\"";
        as("manager", ORG, "m1")
                .body(base + "}")
                .post("/capacity-assessments")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-CONS-6"))
                .body("violations[0].field", equalTo("explanationToPerson"));
        as("manager", ORG, "m1")
                .body(base + ", \"explanationToPerson\": \"explained\"}")
                .post("/capacity-assessments")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("hasSignificantOther"));
        as("manager", ORG, "m1")
                .body(base + ", \"explanationToPerson\": \"explained\", \"hasSignificantOther\": true}")
                .post("/capacity-assessments")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONS-6"))
                .body("violations[0].field", equalTo("explanationToSignificantOther"));
        assertEquals(List.of(), outboxTypes(client));
        as("manager", ORG, "m1")
                .body(base + ", \"explanationToPerson\": \"explained\", \"hasSignificantOther\": false}")
                .post("/capacity-assessments")
                .then()
                .statusCode(201)
                .body("hasSignificantOther", equalTo(false))
                .body("explanationToSignificantOther", nullValue());
        JsonNode assessed = outboxEvents(client).getFirst().get("data");
        assertEquals(false, assessed.get("significantOtherInformed").asBoolean());
        assertEquals("R-CONS-6", assessed.get("rule").asText());
    }

    @Test
    @DisplayName(
            "R-CONS-6: an unknown age is read strictly (competence needed); once records-service says the client is 16 or over capacity is presumed, and a competence assessment is refused")
    void unknownAgeAndTurningSixteen() {
        String client = knownClient(ORG, "prac-1", null);
        grant(client).statusCode(422).body("rule", equalTo("R-CONS-6"));
        String under = knownClient(ORG, "prac-1", ConsentAgeBand.UNDER_16);
        grant(under).statusCode(422).body("rule", equalTo("R-CONS-6"));

        ageBandChanged(ORG, client, ConsentAgeBand.SIXTEEN_OR_OVER);
        ageBandChanged(ORG, under, ConsentAgeBand.SIXTEEN_OR_OVER); // turned 16: records-service's daily sweep
        grant(client).statusCode(201).body("competenceAssessmentId", nullValue());
        grant(under).statusCode(201);
        competence(under, true)
                .statusCode(422)
                .body("rule", equalTo("R-CONS-6"))
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    @DisplayName(
            "GET /me/capacity-assessments: the client sees their own assessments' existence and outcome, never the reasons or the explanations' text; 401, 403, 404")
    void clientSeesOwn() {
        String client = knownClient(ORG, "prac-1", ConsentAgeBand.UNDER_16);
        String other = knownClient(ORG, "prac-1", ConsentAgeBand.UNDER_16);
        String id = competence(client, false).statusCode(201).extract().path("id");
        competence(other, true).statusCode(201);

        as("client", ORG, client)
                .get("/me/capacity-assessments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].id", equalTo(id))
                .body("[0].kind", equalTo("COMPETENCE"))
                .body("[0].matter", equalTo("INFORMATION_SHARING"))
                .body("[0].hasCapacity", equalTo(false))
                .body("[0].explainedToPerson", equalTo(true))
                .body("[0].hasSignificantOther", equalTo(true))
                .body("[0].assessedByRole", equalTo("practitioner"))
                .body("[0]", not(hasKey("reasons")))
                .body("[0]", not(hasKey("assessedBy")))
                .body("[0]", not(hasKey("explanationToPerson")));
        as("client", ORG, client)
                .get("/me/capacity-assessments/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("client", ORG, other)
                .get("/me/capacity-assessments/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("client", "org-elsewhere", client)
                .get("/me/capacity-assessments/" + id)
                .then()
                .statusCode(404);
        as("client", ORG, "never-registered")
                .get("/me/capacity-assessments")
                .then()
                .statusCode(404);
        for (String role :
                List.of("manager", "practitioner", "supervisor", "partner", "compliance", "admin", "service")) {
            as(role, ORG, "someone").get("/me/capacity-assessments").then().statusCode(403);
        }
        given().get("/me/capacity-assessments").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .post("/capacity-assessments")
                .then()
                .statusCode(401);
        as("client", ORG, client)
                .get("/me/capacity-assessments/not-a-uuid")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("id"));
    }
}
