package org.confide.consent.consent.rest;

import static org.confide.consent.Fixtures.as;
import static org.confide.consent.Fixtures.knownClient;
import static org.confide.consent.Fixtures.outboxEvents;
import static org.confide.consent.Fixtures.outboxTypes;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.confide.consent.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MyConsentResourceTest {

    static final String ORG = "org-me";
    static final String MINE = """
            {"recipient": {"type": "REFERRER"}, "categories": ["ATTENDANCE"], "purpose": "REFERRAL_UPDATES",
             "explained": true}""";

    static String staffGrant(String client) {
        return as("manager", ORG, "m1")
                .body("""
                        {"clientId": "%s", "recipient": {"type": "GP"}, "categories": ["CASE_NOTES"],
                         "purpose": "CONTINUING_CARE", "method": "WRITTEN_SIGNED", "explained": true}""".formatted(client))
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-CONS-1: a client gives consent themselves (method ELECTRONIC unless told) and sees only their own consents")
    void giveAndList() {
        String me = knownClient(ORG, "prac-1");
        String someoneElse = knownClient(ORG, "prac-1");
        String byStaff = staffGrant(me);
        staffGrant(someoneElse);
        String mine = as("client", ORG, me)
                .body(MINE)
                .post("/me/consents")
                .then()
                .statusCode(201)
                .body("clientId", equalTo(me))
                .body("method", equalTo("ELECTRONIC"))
                .body("status", equalTo("ACTIVE"))
                .body("createdBy", equalTo(me))
                .body("createdByRole", equalTo("client"))
                .body("history[0].actorRole", equalTo("client"))
                .extract()
                .path("id");
        as("client", ORG, me)
                .get("/me/consents")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.id", hasItem(byStaff))
                .body("items.id", hasItem(mine))
                .body("items.clientId", equalTo(List.of(me, me)));
        as("client", ORG, me)
                .get("/me/consents?status=ACTIVE&limit=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        as("client", ORG, me).get("/me/consents/" + mine).then().statusCode(200).body("id", equalTo(mine));
        assertEquals(List.of("consent.granted", "consent.granted"), outboxTypes(me));
        assertEquals("client", outboxEvents(me).get(1).get("actorrole").asText());
    }

    @Test
    @DisplayName(
            "R-CONS-4: a client withdraws their own consent with immediate effect: the next decision is DENY WITHDRAWN")
    void withdrawOwn() {
        String me = knownClient(ORG, "prac-1");
        String id = staffGrant(me);
        String decision = "{\"clientId\": \"" + me
                + "\", \"recipientType\": \"GP\", \"category\": \"CASE_NOTES\", \"purpose\": \"CONTINUING_CARE\"}";
        as("service", ORG, "disclosure-service")
                .body(decision)
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("PERMIT"));
        as("client", ORG, me)
                .body("{}")
                .post("/me/consents/" + id + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("history[1].actorId", equalTo(me));
        as("service", ORG, "disclosure-service")
                .body(decision)
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("WITHDRAWN"));
        as("client", ORG, me)
                .body("{\"reason\": \"again\"}")
                .post("/me/consents/" + id + "/withdraw")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-4"));
        assertEquals(
                List.of("consent.granted", "consent.decided", "consent.withdrawn", "consent.decided"),
                Fixtures.recordedEvents(me, 4).stream()
                        .map(e -> e.get("type").asText())
                        .toList());
    }

    @Test
    @DisplayName(
            "/me/consents: a client touches only their own (another client's 403, another organisation's 404); staff roles 403; an unknown client 404")
    void auth() {
        String me = knownClient(ORG, "prac-1");
        String other = knownClient(ORG, "prac-1");
        String theirs = staffGrant(other);
        as("client", ORG, me)
                .get("/me/consents/" + theirs)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as("client", ORG, me)
                .body("{}")
                .post("/me/consents/" + theirs + "/withdraw")
                .then()
                .statusCode(403);
        as("client", "org-other", me).get("/me/consents/" + theirs).then().statusCode(404);
        as("client", "org-other", me)
                .body("{}")
                .post("/me/consents/" + theirs + "/withdraw")
                .then()
                .statusCode(404);
        as("client", "org-other", me).get("/me/consents").then().statusCode(404);
        as("client", ORG, "never-registered")
                .body(MINE)
                .post("/me/consents")
                .then()
                .statusCode(404);
        for (String role :
                List.of("practitioner", "manager", "supervisor", "partner", "compliance", "admin", "service")) {
            as(role, ORG, me).get("/me/consents").then().statusCode(403);
            as(role, ORG, me).body(MINE).post("/me/consents").then().statusCode(403);
            as(role, ORG, me)
                    .body("{}")
                    .post("/me/consents/" + theirs + "/withdraw")
                    .then()
                    .statusCode(403);
        }
        as("manager", ORG, "m1").get("/consents/" + theirs).then().body("status", equalTo("ACTIVE"));
        assertEquals(List.of(), outboxTypes(me));
    }

    @Test
    @DisplayName(
            "R-CONS-1, R-CONS-2: a client's consent must confirm it was explained (422); training waits for a manager; Idempotency-Key replays")
    void rules() {
        String me = knownClient(ORG, "prac-1");
        as("client", ORG, me)
                .body(MINE.replace("\"explained\": true", "\"explained\": false"))
                .post("/me/consents")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-CONS-1"));
        as("client", ORG, me)
                .body(MINE.replace("REFERRAL_UPDATES", "TRAINING"))
                .post("/me/consents")
                .then()
                .statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"));
        String first = as("client", ORG, me)
                .header("Idempotency-Key", "mine-1")
                .body(MINE)
                .post("/me/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("client", ORG, me)
                .header("Idempotency-Key", "mine-1")
                .body(MINE)
                .post("/me/consents")
                .then()
                .statusCode(201)
                .body("id", equalTo(first));
        as("client", ORG, me)
                .header("Idempotency-Key", "mine-1")
                .body(MINE.replace("ATTENDANCE", "CONTACT_DETAILS"))
                .post("/me/consents")
                .then()
                .statusCode(409);
        as("client", ORG, me).get("/me/consents").then().body("items", hasSize(2));
    }
}
