package org.confide.records.letter;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.client;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LetterAndFileTest {

    static final String LETTER =
            "{\"recipient\": \"Housing Office\", \"body\": \"I support the application for rehousing.\"}";

    static String draft(String client, String practitioner) {
        return as("practitioner", practitioner)
                .body(LETTER)
                .post("/clients/" + client + "/letters")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-CONS-3: a letter is shown to the client and cannot be sent (409 R-CONS-3) until the client approves it")
    void approveThenSend() {
        String c = client("prac-l");
        String letter = draft(c, "prac-l");
        String send = "/clients/" + c + "/letters/" + letter + "/send";
        as("practitioner", "prac-l")
                .post(send)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-CONS-3"));
        as("client", c)
                .get("/me/letters")
                .then()
                .statusCode(200)
                .body("items.id", contains(letter))
                .body("items[0].body", equalTo("I support the application for rehousing."));
        as("client", c)
                .body("{\"approved\": true}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedAt", notNullValue());
        as("client", c)
                .body("{\"approved\": false}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-3"));
        as("practitioner", "prac-l")
                .post(send)
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("sentAt", notNullValue());
        as("practitioner", "prac-l").post(send).then().statusCode(409).body("rule", equalTo("R-CONS-3"));
        assertEquals(1, outbox("letter.sent", c).size());
        assertEquals(
                true,
                outbox("letter.approved", c)
                        .getFirst()
                        .get("data")
                        .get("approved")
                        .asBoolean());
        assertFalse(outbox("letter.drafted", c).getFirst().toString().contains("Housing"));
        for (Object[] r : rows("select recipient, body from letter where id = ?1", UUID.fromString(letter))) {
            assertFalse(new String((byte[]) r[0], StandardCharsets.ISO_8859_1).contains("Housing"));
            assertFalse(new String((byte[]) r[1], StandardCharsets.ISO_8859_1).contains("rehousing"));
        }
    }

    @Test
    @DisplayName(
            "R-CONS-3: a rejected letter is never sent; only the client it was written for decides; others' letters are 403/404")
    void rejectAndScope() {
        String c = client("prac-l2");
        String other = client("prac-l2");
        String letter = draft(c, "prac-l2");
        as("client", other)
                .body("{\"approved\": true}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(403);
        as("client", other).get("/me/letters/" + letter).then().statusCode(403);
        as("client", "org-b", c)
                .body("{\"approved\": true}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(404);
        as("client", c)
                .body("{}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("approved"));
        as("client", c)
                .body("{\"approved\": \"maybe\"}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(400);
        as("client", c)
                .body("{\"approved\": false}")
                .post("/me/letters/" + letter + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        as("manager", "m")
                .post("/clients/" + c + "/letters/" + letter + "/send")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-CONS-3"));
        as("manager", "m")
                .post("/clients/" + other + "/letters/" + letter + "/send")
                .then()
                .statusCode(404);
        as("practitioner", "prac-x")
                .body(LETTER)
                .post("/clients/" + c + "/letters")
                .then()
                .statusCode(403);
        as("practitioner", "prac-x")
                .post("/clients/" + c + "/letters/" + letter + "/send")
                .then()
                .statusCode(403);
        for (String role : List.of("supervisor", "partner", "admin", "compliance", "client")) {
            as(role, c).body(LETTER).post("/clients/" + c + "/letters").then().statusCode(403);
            as(role, c)
                    .post("/clients/" + c + "/letters/" + letter + "/send")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("manager", "practitioner", "supervisor", "partner", "admin", "compliance")) {
            as(role, c)
                    .body("{\"approved\": true}")
                    .post("/me/letters/" + letter + "/approval")
                    .then()
                    .statusCode(403);
            as(role, c).get("/me/file").then().statusCode(403);
        }
        as("manager", "m")
                .body("{\"recipient\": \"\"}")
                .post("/clients/" + c + "/letters")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("recipient"))
                .body("violations.field", hasItem("body"));
        as("client", c)
                .body("{\"approved\": true}")
                .post("/me/letters/not-a-uuid/approval")
                .then()
                .statusCode(400);
    }

    @Test
    @DisplayName(
            "R-REC-2: the client's own file holds everything about them (identity, notes, letters, milestones), and each access is logged")
    void ownFile() {
        String c = client("prac-f");
        as("practitioner", "prac-f")
                .body("{\"sessionDate\": \"2026-11-20\", \"kind\": \"ONLINE\", \"body\": \"we met online\"}")
                .post("/clients/" + c + "/notes")
                .then()
                .statusCode(201);
        draft(c, "prac-f");
        as("practitioner", "prac-f")
                .body("{\"type\": \"INITIAL_MEETING_HELD\"}")
                .post("/clients/" + c + "/milestones")
                .then()
                .statusCode(201);
        as("practitioner", "prac-f")
                .body("{\"text\": \"themes of loss\"}")
                .post("/clients/" + c + "/supervision-notes")
                .then()
                .statusCode(201);

        as("client", c)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("client.id", equalTo(c))
                .body("client.status", equalTo("ACTIVE"))
                .body("identity.fullName", equalTo("Sam Jones"))
                .body("identity.dateOfBirth", equalTo("1990-02-03"))
                .body("notes.body", contains("we met online"))
                .body("letters.recipient", contains("Housing Office"))
                .body("milestones.type", contains("INITIAL_MEETING_HELD"))
                .body("supervisionNotes.text", contains("themes of loss"));
        assertEquals(
                "CLIENT_REQUEST",
                outbox("file.accessed", c)
                        .getFirst()
                        .get("data")
                        .get("purposeOfUse")
                        .asText());
        assertEquals(
                "client", outbox("file.accessed", c).getFirst().get("actorrole").asText());

        as("client", "org-b", c).get("/me/file").then().statusCode(404);
        as("client", UUID.randomUUID().toString()).get("/me/file").then().statusCode(404);
        as("client", "not-a-client-id").get("/me/file").then().statusCode(404);
    }
}
