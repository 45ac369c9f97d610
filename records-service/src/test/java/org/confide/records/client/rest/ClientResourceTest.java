package org.confide.records.client.rest;

import static io.restassured.RestAssured.given;
import static org.confide.records.Fixtures.awaitEvent;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientResourceTest {

    private static final String ORG = "org-a";
    private static final String VALID = """
            {"identity": {"fullName": "Sam Jones", "dateOfBirth": "1990-02-03", "email": "sam@example.org"},
             "programme": "COUNSELLING", "limitsExplained": true}""";

    private static RequestSpecification as(String role, String org, String sub) {
        return given().auth().oauth2(Tokens.token(role, org, sub)).contentType(ContentType.JSON);
    }

    private static String register(String role, String sub) {
        return as(role, ORG, sub)
                .body(VALID)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-REC-5: a practitioner registers a client and is allocated to it; client.registered goes to records-events without identity")
    void registerPublishesEvent() throws Exception {
        String id = as("practitioner", ORG, "prac-1")
                .header("X-Correlation-Id", "corr-register-1")
                .body(VALID)
                .post("/clients")
                .then()
                .statusCode(201)
                .header("Location", containsString("/clients/"))
                .header("X-Correlation-Id", "corr-register-1")
                .body("status", equalTo("ACTIVE"))
                .body("org", equalTo(ORG))
                .body("allocatedPractitionerId", equalTo("prac-1"))
                .body("identity.fullName", equalTo("Sam Jones"))
                .extract()
                .path("id");

        JsonNode event = awaitEvent("client.registered", id);
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("records-service", event.get("source").asText());
        assertEquals(id, event.get("subject").asText());
        assertEquals(ORG, event.get("org").asText());
        assertEquals("prac-1", event.get("actorid").asText());
        assertEquals("practitioner", event.get("actorrole").asText());
        assertEquals("corr-register-1", event.get("correlationid").asText());
        assertEquals("R-REC-5", event.get("data").get("rule").asText());
        String json = event.toString();
        assertFalse(
                json.contains("Sam Jones") || json.contains("sam@example.org") || json.contains("1990-02-03"),
                "identity must never leave records-service in an event: " + json);
    }

    @Test
    @DisplayName(
            "R-REC-5: limits of confidentiality not explained is refused with 422 naming the rule, and nothing is stored")
    void limitsNotExplained() {
        String org = "org-limits-refused";
        String name = "Refused " + UUID.randomUUID();
        String body =
                VALID.replace("Sam Jones", name).replace("\"limitsExplained\": true", "\"limitsExplained\": false");
        as("manager", org, "mgr-1")
                .body(body)
                .post("/clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-REC-5"))
                .body("violations.field", hasItem("limitsExplained"));
        // The org has no other client: anything stored by the refused request would be listed here, with its name.
        as("manager", org, "mgr-1")
                .get("/clients?limit=500")
                .then()
                .statusCode(200)
                .body("items.identity.fullName", not(hasItem(name)))
                .body("items", empty());
        assertEquals(0, rows("select id from client where org = ?1", org).size());
        assertEquals(
                0,
                rows("select id from outbox_event where strpos(payload, ?1) > 0", org)
                        .size());
    }

    @Test
    @DisplayName("a missing required field is 422 naming the field")
    void missingField() {
        as("manager", ORG, "mgr-1")
                .body("{\"identity\": {}, \"limitsExplained\": true}")
                .post("/clients")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("identity.fullName"))
                .body("violations.field", hasItem("programme"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    @DisplayName("malformed JSON is 400 problem+json without a stack trace")
    void malformedJson() {
        as("manager", ORG, "mgr-1")
                .body("{\"identity\": ")
                .post("/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad request"))
                .body("detail", not(containsString("at com.")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    @DisplayName("an unknown enum value is 400 and the detail lists the allowed values")
    void unknownEnum() {
        as("manager", ORG, "mgr-1")
                .body(VALID.replace("COUNSELLING", "ASTROLOGY"))
                .post("/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("programme"))
                .body("detail", containsString("ONE_TO_ONE"))
                .body("detail", containsString("COACHING"));
    }

    @Test
    @DisplayName("a body over 64 KiB is 413 problem+json")
    void tooLarge() {
        String big = VALID.replace("Sam Jones", "x".repeat(70_000));
        as("manager", ORG, "mgr-1")
                .body(big)
                .post("/clients")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("no token, a forged token or an expired token is 401")
    void unauthenticated() {
        given().contentType(ContentType.JSON)
                .body(VALID)
                .post("/clients")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.forged("manager", ORG, "m"))
                .contentType(ContentType.JSON)
                .body(VALID)
                .post("/clients")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.expired("manager", ORG, "m"))
                .contentType(ContentType.JSON)
                .body(VALID)
                .post("/clients")
                .then()
                .statusCode(401);
    }

    @Test
    @DisplayName("a role the endpoint never allows is 403")
    void wrongRole() {
        for (String role : List.of("compliance", "supervisor", "client", "partner", "admin")) {
            as(role, ORG, "someone")
                    .body(VALID)
                    .post("/clients")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    @DisplayName(
            "R-REC-1: another organisation's client is 404; an unallocated practitioner of the same organisation is 403")
    void scoping() {
        String id = register("practitioner", "prac-owner");
        as("manager", "org-b", "mgr-b")
                .get("/clients/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("practitioner", ORG, "prac-other")
                .get("/clients/" + id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        as("practitioner", ORG, "prac-owner")
                .get("/clients/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("manager", ORG, "mgr-1").get("/clients/" + UUID.randomUUID()).then().statusCode(404);
        as("manager", ORG, "mgr-1")
                .get("/clients/not-a-uuid")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    @DisplayName("every read of a client's record emits record.accessed with the purpose of use")
    void readIsRecorded() throws Exception {
        String id = register("manager", "mgr-1");
        as("manager", ORG, "mgr-1")
                .header("X-Purpose-Of-Use", "SAFEGUARDING")
                .get("/clients/" + id)
                .then()
                .statusCode(200);
        JsonNode event = awaitEvent("record.accessed", id);
        assertEquals("SAFEGUARDING", event.get("data").get("purposeOfUse").asText());
        as("manager", ORG, "mgr-1")
                .header("X-Purpose-Of-Use", "GOSSIP")
                .get("/clients/" + id)
                .then()
                .statusCode(400)
                .body("detail", containsString("CLIENT_REQUEST"));
    }

    @Test
    @DisplayName("lists are paged with limit and cursor; a practitioner sees only their own clients")
    void listPaging() {
        for (int i = 0; i < 3; i++) register("practitioner", "prac-list");
        String cursor = as("practitioner", ORG, "prac-list")
                .get("/clients?limit=2")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue())
                .body("items.allocatedPractitionerId", not(hasItem(not(equalTo("prac-list")))))
                .extract()
                .path("nextCursor");
        as("practitioner", ORG, "prac-list")
                .get("/clients?limit=2&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
        as("manager", ORG, "m")
                .get("/clients?limit=501")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }
}
