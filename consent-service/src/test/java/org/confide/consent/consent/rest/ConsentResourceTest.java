package org.confide.consent.consent.rest;

import static io.restassured.RestAssured.given;
import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEvents;
import static org.confide.consent.Fixtures.outboxTypes;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.confide.consent.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentResourceTest {

    static final String ORG = "org-consents";
    static final List<String> NOT_STAFF_OF_CONSENTS =
            List.of("client", "supervisor", "partner", "compliance", "admin", "service");

    static String body(String clientId, String purpose) {
        return """
                {"clientId": "%s", "recipient": {"type": "GP", "name": "Dr Ann Example", "orgId": "gp-practice-1"},
                 "categories": ["CASE_NOTES", "ATTENDANCE"], "purpose": "%s", "method": "WRITTEN_SIGNED",
                 "explained": true, "evidenceRef": "scan-77 signed form"}""".formatted(clientId, purpose);
    }

    static String grant(String role, String sub, String clientId, String purpose) {
        return as(role, ORG, sub)
                .body(body(clientId, purpose))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-CONS-1: an allocated practitioner records a consent with what, to whom, why, how and that it was explained; consent.granted carries codes only")
    void grantRecordsEverything() {
        String client = knownClient(ORG, "prac-1");
        String id = as("practitioner", ORG, "prac-1")
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(201)
                .header("Location", containsString("/consents/"))
                .body("status", equalTo("ACTIVE"))
                .body("clientId", equalTo(client))
                .body("org", equalTo(ORG))
                .body("recipient.type", equalTo("GP"))
                .body("recipient.name", equalTo("Dr Ann Example"))
                .body("recipient.orgId", equalTo("gp-practice-1"))
                .body("categories", hasItems("CASE_NOTES", "ATTENDANCE"))
                .body("purpose", equalTo("CONTINUING_CARE"))
                .body("method", equalTo("WRITTEN_SIGNED"))
                .body("explained", equalTo(true))
                .body("evidenceRef", equalTo("scan-77 signed form"))
                .body("validFrom", notNullValue())
                .body("createdBy", equalTo("prac-1"))
                .body("history", hasSize(1))
                .body("history[0].status", equalTo("ACTIVE"))
                .body("history[0].fromStatus", nullValue())
                .body("history[0].actorId", equalTo("prac-1"))
                .body("history[0].actorRole", equalTo("practitioner"))
                .extract()
                .path("id");

        List<JsonNode> events = outboxEvents(client);
        assertEquals(
                List.of("consent.granted"),
                events.stream().map(e -> e.get("type").asText()).toList());
        JsonNode e = events.getFirst();
        assertEquals(id, e.get("data").get("consentId").asText());
        assertEquals("consent-service", e.get("source").asText());
        assertEquals(client, e.get("subject").asText());
        assertEquals("prac-1", e.get("actorid").asText());
        String json = e.toString();
        assertFalse(
                json.contains("Dr Ann Example") || json.contains("scan-77"),
                "no names or free text in events: " + json);
    }

    @Test
    @DisplayName("R-CONS-1: explained false or absent is 422 naming the rule and the field, and nothing is written")
    void notExplained() {
        String client = knownClient(ORG, "prac-1");
        for (String b : List.of(
                body(client, "CONTINUING_CARE").replace("\"explained\": true", "\"explained\": false"),
                body(client, "CONTINUING_CARE").replace("\"explained\": true,", ""))) {
            as("practitioner", ORG, "prac-1")
                    .body(b)
                    .post("/consents")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("R-CONS-1"))
                    .body("violations.field", hasItem("explained"));
        }
        as("manager", ORG, "m1")
                .get("/consents?clientId=" + client)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        assertEquals(List.of(), outboxTypes(client));
    }

    @Test
    @DisplayName("missing fields are 422 naming each field; malformed JSON is 400; no body is 422")
    void missingFields() {
        as("manager", ORG, "m1")
                .body("{\"recipient\": {}, \"categories\": [], \"explained\": true}")
                .post("/consents")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("clientId", "recipient.type", "categories", "purpose", "method"))
                .body("detail", not(containsString("Exception")));
        as("manager", ORG, "m1")
                .body("{\"clientId\": ")
                .post("/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("manager", ORG, "m1").post("/consents").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    @DisplayName("an unknown enum value is 400 naming the field and listing the allowed values")
    void unknownEnums() {
        String client = knownClient(ORG, "prac-1");
        as("manager", ORG, "m1")
                .body(body(client, "ASTROLOGY"))
                .post("/consents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("purpose"))
                .body("detail", containsString("CONTINUING_CARE"));
        as("manager", ORG, "m1")
                .body(body(client, "CONTINUING_CARE").replace("\"GP\"", "\"ASTROLOGER\""))
                .post("/consents")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("recipient.type"))
                .body("detail", containsString("MENTAL_HEALTH_TEAM"));
        as("manager", ORG, "m1")
                .body(body(client, "CONTINUING_CARE").replace("\"ATTENDANCE\"", "\"HOROSCOPE\""))
                .post("/consents")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("categories[1]"))
                .body("detail", containsString("RISK_INFORMATION"));
        as("manager", ORG, "m1")
                .body(body(client, "CONTINUING_CARE").replace("WRITTEN_SIGNED", "TELEPATHY"))
                .post("/consents")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("method"));
        as("manager", ORG, "m1")
                .get("/consents?status=MAYBE")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        assertEquals(List.of(), outboxTypes(client));
    }

    @Test
    @DisplayName("R-CONS-4: validUntil in the past is 422; an unreadable one is 400; a future time or date is kept")
    void validUntil() {
        String client = knownClient(ORG, "prac-1");
        String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        as("manager", ORG, "m1")
                .body(withValidUntil(client, past))
                .post("/consents")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONS-4"))
                .body("violations.field", hasItem("validUntil"));
        as("manager", ORG, "m1")
                .body(withValidUntil(client, "next tuesday"))
                .post("/consents")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("validUntil"));
        assertEquals(List.of(), outboxTypes(client));
        as("manager", ORG, "m1")
                .body(withValidUntil(client, "2099-01-31T12:00:00Z"))
                .post("/consents")
                .then()
                .statusCode(201)
                .body("validUntil", equalTo("2099-01-31T12:00:00Z"))
                .body("status", equalTo("ACTIVE"));
        as("manager", ORG, "m1")
                .body(withValidUntil(client, "2099-01-31"))
                .post("/consents")
                .then()
                .statusCode(201)
                .body("validUntil", equalTo("2099-02-01T00:00:00Z"));
    }

    static String withValidUntil(String client, String validUntil) {
        return body(client, "CONTINUING_CARE")
                .replace("\"explained\": true", "\"explained\": true, \"validUntil\": \"" + validUntil + "\"");
    }

    @Test
    @DisplayName(
            "R-CONS-2: case studies, group work, training and recordings wait for a manager's approval; approval makes them ACTIVE, refusal REFUSED")
    void approval() {
        String client = knownClient(ORG, "prac-1");
        for (String purpose : List.of("CASE_STUDY", "GROUP_WORK", "TRAINING", "RECORDING")) {
            as("practitioner", ORG, "prac-1")
                    .body(body(client, purpose))
                    .post("/consents")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PENDING_APPROVAL"));
        }
        String approved = grant("practitioner", "prac-1", client, "CASE_STUDY");
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + approved + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("history.status", equalTo(List.of("PENDING_APPROVAL", "ACTIVE")))
                .body("history[1].fromStatus", equalTo("PENDING_APPROVAL"))
                .body("history[1].actorId", equalTo("m1"));
        String refused = grant("practitioner", "prac-1", client, "TRAINING");
        as("manager", ORG, "m1")
                .body("{\"approved\": false}")
                .post("/consents/" + refused + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"));
        List<JsonNode> approvals = outboxEvents(client).stream()
                .filter(e -> e.get("type").asText().equals("consent.approved"))
                .toList();
        assertEquals(2, approvals.size());
        assertEquals(approved, approvals.get(0).get("data").get("consentId").asText());
        assertEquals(true, approvals.get(0).get("data").get("approved").asBoolean());
        assertEquals("REFUSED", approvals.get(1).get("data").get("status").asText());
    }

    @Test
    @DisplayName(
            "R-CONS-2: approving a consent that needs no approval, or one already decided, is 409 and changes nothing")
    void approvalConflicts() {
        String client = knownClient(ORG, "prac-1");
        String active = grant("manager", "m1", client, "CONTINUING_CARE");
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + active + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-CONS-2"));
        String pending = grant("manager", "m1", client, "RECORDING");
        as("manager", ORG, "m1")
                .body("{\"approved\": false}")
                .post("/consents/" + pending + "/approval")
                .then()
                .statusCode(200);
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/" + pending + "/approval")
                .then()
                .statusCode(409);
        as("manager", ORG, "m1")
                .get("/consents/" + pending)
                .then()
                .body("status", equalTo("REFUSED"))
                .body("history", hasSize(2));
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + pending + "/approval")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("approved"));
    }

    @Test
    @DisplayName("R-CONS-2: only a manager approves; other roles 403, another organisation's manager 404")
    void approvalAuth() {
        String client = knownClient(ORG, "prac-1");
        String pending = grant("practitioner", "prac-1", client, "GROUP_WORK");
        for (String role :
                List.of("practitioner", "client", "supervisor", "partner", "compliance", "admin", "service")) {
            as(role, ORG, "prac-1")
                    .body("{\"approved\": true}")
                    .post("/consents/" + pending + "/approval")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as("manager", "org-other", "m9")
                .body("{\"approved\": true}")
                .post("/consents/" + pending + "/approval")
                .then()
                .statusCode(404);
        as("manager", ORG, "m1")
                .body("{\"approved\": true}")
                .post("/consents/not-a-uuid/approval")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("id"));
        as("manager", ORG, "m1").get("/consents/" + pending).then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    @DisplayName(
            "R-CONS-4: withdrawal is immediate and recorded with its reason; withdrawing again is 409; the event holds no reason text")
    void withdraw() {
        String client = knownClient(ORG, "prac-1");
        String id = grant("practitioner", "prac-1", client, "CONTINUING_CARE");
        as("practitioner", ORG, "prac-1")
                .body("{\"reason\": \"changed my mind after the session\"}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("history.status", equalTo(List.of("ACTIVE", "WITHDRAWN")))
                .body("history[1].reason", equalTo("changed my mind after the session"));
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-CONS-4"));
        as("manager", ORG, "m1").post("/consents/" + id + "/withdraw").then().statusCode(409);
        List<JsonNode> events = outboxEvents(client);
        assertEquals(
                List.of("consent.granted", "consent.withdrawn"),
                events.stream().map(e -> e.get("type").asText()).toList());
        assertFalse(events.get(1).toString().contains("changed my mind"));
        // A pending consent can be withdrawn too; a refused one cannot.
        String pending = grant("manager", "m1", client, "TRAINING");
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + pending + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    @DisplayName("R-CONS-4: a consent past validUntil reads as EXPIRED at once and cannot be withdrawn (409)")
    void expiredAtOnce() {
        String client = knownClient(ORG, "prac-1");
        String id = as("manager", ORG, "m1")
                .body(withValidUntil(client, "2099-01-01T00:00:00Z"))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Fixtures.setValidUntil(id, Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        as("manager", ORG, "m1").get("/consents/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        as("manager", ORG, "m1")
                .get("/consents?clientId=" + client + "&status=EXPIRED")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as("manager", ORG, "m1")
                .get("/consents?clientId=" + client + "&status=ACTIVE")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        as("manager", ORG, "m1")
                .body("{}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-4"));
    }

    @Test
    @DisplayName(
            "POST /consents: manager and allocated practitioner only; other roles 403, unallocated practitioner 403 (R-REC-1), other organisation or unknown client 404, no token 401")
    void grantAuth() {
        String client = knownClient(ORG, "prac-1");
        for (String role : NOT_STAFF_OF_CONSENTS) {
            as(role, ORG, client)
                    .body(body(client, "CONTINUING_CARE"))
                    .post("/consents")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        as("practitioner", ORG, "prac-2")
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        as("manager", "org-other", "m9")
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(404);
        as("manager", ORG, "m1")
                .body(body("never-registered", "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(401);
        assertEquals(List.of(), outboxTypes(client));
        grant("manager", "m1", client, "CONTINUING_CARE");
    }

    @Test
    @DisplayName(
            "GET /consents/{id} and withdraw: manager and allocated practitioner; unallocated practitioner 403, other roles 403, other organisation 404")
    void readAuth() {
        String client = knownClient(ORG, "prac-1");
        String id = grant("practitioner", "prac-1", client, "CONTINUING_CARE");
        as("practitioner", ORG, "prac-1")
                .get("/consents/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("manager", ORG, "m1").get("/consents/" + id).then().statusCode(200);
        as("practitioner", ORG, "prac-2")
                .get("/consents/" + id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        as("practitioner", ORG, "prac-2")
                .body("{}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(403);
        for (String role : NOT_STAFF_OF_CONSENTS) {
            as(role, ORG, client).get("/consents/" + id).then().statusCode(403);
            as(role, ORG, client)
                    .body("{}")
                    .post("/consents/" + id + "/withdraw")
                    .then()
                    .statusCode(403);
        }
        as("manager", "org-other", "m9")
                .get("/consents/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("manager", "org-other", "m9")
                .body("{}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(404);
        as("manager", ORG, "m1")
                .get("/consents/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        as("manager", ORG, "m1").get("/consents/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    @DisplayName(
            "R-REC-1: a facilitator of a group the client is a current member of counts as allocated (grant, read, "
                    + "withdraw); once the client has left the group, 403 again")
    void groupFacilitatorCountsAsAllocated() {
        String client = knownClient(ORG, "prac-1");
        String group = Fixtures.group(ORG, List.of(client));
        as("practitioner", ORG, "fac-1")
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        Fixtures.facilitate(ORG, group, "fac-1", client);
        String id = grant("practitioner", "fac-1", client, "CONTINUING_CARE");
        as("practitioner", ORG, "fac-1")
                .get("/consents/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        as("practitioner", ORG, "fac-2")
                .get("/consents/" + id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        Fixtures.leave(ORG, group, client);
        as("practitioner", ORG, "fac-1")
                .get("/consents/" + id)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-1"));
        as("practitioner", ORG, "fac-1")
                .body("{}")
                .post("/consents/" + id + "/withdraw")
                .then()
                .statusCode(403);
        as("practitioner", ORG, "prac-1").get("/consents/" + id).then().statusCode(200);
    }

    @Test
    @DisplayName(
            "GET /consents: by client and status, paged with limit and cursor; a practitioner sees only allocated clients'; other roles 403")
    void list() {
        List<String> clients = Fixtures.knownClients("org-list", "prac-l", 2);
        String other = knownClient("org-list", "prac-other");
        String a = clients.get(0);
        for (int i = 0; i < 3; i++) {
            as("manager", "org-list", "m1")
                    .body(body(a, "CONTINUING_CARE"))
                    .post("/consents")
                    .then()
                    .statusCode(201);
        }
        as("manager", "org-list", "m1")
                .body(body(clients.get(1), "TRAINING"))
                .post("/consents")
                .then()
                .statusCode(201);
        as("manager", "org-list", "m1")
                .body(body(other, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(201);

        String cursor = as("manager", "org-list", "m1")
                .get("/consents?clientId=" + a + "&limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].history", hasSize(1))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        as("manager", "org-list", "m1")
                .get("/consents?clientId=" + a + "&limit=2&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        as("manager", "org-list", "m1").get("/consents").then().statusCode(200).body("items", hasSize(5));
        as("manager", "org-list", "m1")
                .get("/consents?status=PENDING_APPROVAL")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].clientId", equalTo(clients.get(1)));
        as("practitioner", "org-list", "prac-l")
                .get("/consents")
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.clientId", not(hasItem(other)));
        as("practitioner", "org-list", "prac-l")
                .get("/consents?clientId=" + other)
                .then()
                .statusCode(403);
        as("manager", "org-other", "m9").get("/consents?clientId=" + a).then().statusCode(404);
        as("manager", "org-other", "m9").get("/consents").then().statusCode(200).body("items", hasSize(0));
        for (String role : NOT_STAFF_OF_CONSENTS) {
            as(role, "org-list", a).get("/consents?clientId=" + a).then().statusCode(403);
        }
        as("manager", "org-list", "m1")
                .get("/consents?limit=0")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        as("manager", "org-list", "m1").get("/consents?limit=501").then().statusCode(400);
        as("manager", "org-list", "m1").get("/consents?cursor=%%%").then().statusCode(400);
    }

    @Test
    @DisplayName(
            "Idempotency-Key on POST /consents: same key and body give the first response again; same key, other body 409")
    void idempotency() {
        String client = knownClient(ORG, "prac-1");
        String first = as("manager", ORG, "m1")
                .header("Idempotency-Key", "grant-" + client)
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String again = as("manager", ORG, "m1")
                .header("Idempotency-Key", "grant-" + client)
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, again);
        as("manager", ORG, "m1")
                .header("Idempotency-Key", "grant-" + client)
                .body(body(client, "TRAINING"))
                .post("/consents")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        String other = as("manager", ORG, "m1")
                .header("Idempotency-Key", "grant2-" + client)
                .body(body(client, "CONTINUING_CARE"))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertNotEquals(first, other);
        assertEquals(List.of("consent.granted", "consent.granted"), outboxTypes(client));
    }
}
