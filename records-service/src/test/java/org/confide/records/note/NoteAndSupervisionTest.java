package org.confide.records.note;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.client;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NoteAndSupervisionTest {

    static String note(String body) {
        return "{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"" + body + "\"}";
    }

    @Test
    @DisplayName(
            "R-REC-1: the allocated practitioner writes and reads notes; bodies are stored encrypted; every read emits record.accessed with its purpose")
    void notes() {
        String c = client("prac-n");
        String path = "/clients/" + c + "/notes";
        as("practitioner", "prac-n")
                .body(note("first session: worried about exams"))
                .post(path)
                .then()
                .statusCode(201)
                .body("kind", equalTo("SESSION"))
                .body("sessionDate", equalTo("2026-11-20"))
                .body("authorId", equalTo("prac-n"));
        as("manager", "mgr").body(note("second")).post(path).then().statusCode(201);
        as("practitioner", "prac-n").body(note("third")).post(path).then().statusCode(201);

        JsonPath page = as("practitioner", "prac-n")
                .header("X-Purpose-Of-Use", "SAFEGUARDING")
                .get(path + "?limit=2")
                .then()
                .statusCode(200)
                .body("items.body", contains("first session: worried about exams", "second"))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        as("practitioner", "prac-n")
                .get(path + "?limit=2&cursor=" + page.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.body", contains("third"))
                .body("nextCursor", nullValue());

        List<JsonNode> reads = outbox("record.accessed", c).stream()
                .filter(e -> e.get("data").get("resource").asText().equals("notes"))
                .toList();
        assertEquals(2, reads.size());
        assertEquals(
                "SAFEGUARDING", reads.get(0).get("data").get("purposeOfUse").asText());
        assertEquals("CARE", reads.get(1).get("data").get("purposeOfUse").asText());
        JsonNode written = outbox("note.written", c).getFirst();
        assertFalse(written.toString().contains("exams"), "note bodies never go into events");

        for (Object[] r : rows("select body from note where client_id = ?1", UUID.fromString(c))) {
            String stored = new String((byte[]) r[0], StandardCharsets.ISO_8859_1);
            assertFalse(stored.contains("exams") || stored.contains("second") || stored.contains("third"));
        }
    }

    @Test
    @DisplayName("R-REC-1: nobody but the org's manager and the allocated practitioner reads or writes notes")
    void noteAccess() {
        String c = client("prac-n2");
        String path = "/clients/" + c + "/notes";
        as("practitioner", "prac-other").get(path).then().statusCode(403).body("rule", equalTo("R-REC-1"));
        as("practitioner", "prac-other").body(note("x")).post(path).then().statusCode(403);
        as("manager", "org-b", "m").get(path).then().statusCode(404);
        as("practitioner", "org-b", "prac-n2").get(path).then().statusCode(404);
        for (String role : List.of("supervisor", "client", "partner", "admin", "compliance")) {
            as(role, c).get(path).then().statusCode(403);
            as(role, c).body(note("x")).post(path).then().statusCode(403);
        }
        as("manager", "m")
                .get("/clients/" + UUID.randomUUID() + "/notes")
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName(
            "bad notes: malformed date 400, unknown kind 400 listing kinds, missing body 422, a future session 422, bad purpose 400")
    void badNotes() {
        String c = client("prac-n3");
        String path = "/clients/" + c + "/notes";
        as("manager", "m")
                .body(note("x").replace("2026-11-20", "20/11/2026"))
                .post(path)
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("sessionDate"));
        as("manager", "m")
                .body(note("x").replace("2026-11-20", "2026-02-30"))
                .post(path)
                .then()
                .statusCode(400);
        as("manager", "m")
                .body(note("x").replace("SESSION", "SEANCE"))
                .post(path)
                .then()
                .statusCode(400)
                .body("detail", containsString("CONSULTATION"));
        as("manager", "m")
                .body("{\"sessionDate\": \"2026-11-20\", \"kind\": \"PHONE\"}")
                .post(path)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("body"));
        as("manager", "m")
                .body(note("x").replace("2026-11-20", "2999-01-01"))
                .post(path)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("sessionDate"));
        as("manager", "m")
                .header("X-Purpose-Of-Use", "CURIOSITY")
                .get(path)
                .then()
                .statusCode(400)
                .body("detail", containsString("LEGAL"));
        as("manager", "m").get(path + "?limit=0").then().statusCode(400);
    }

    @Test
    @DisplayName(
            "R-CONF-2: supervision notes holding the client's name, birth date, email or phone are refused 422; clean ones are kept")
    void supervisionNotes() {
        String c = client("prac-s");
        String path = "/clients/" + c + "/supervision-notes";
        as("practitioner", "prac-s")
                .body("{\"text\": \"Sam found the week hard\"}")
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-CONF-2"))
                .body("violations.field", hasItem("text"))
                .body("violations.message", hasItem(containsString("name")));
        as("practitioner", "prac-s")
                .body("{\"text\": \"born 3/2/90, call on 07700 900 123 or SAM @ example.org\"}")
                .post(path)
                .then()
                .statusCode(422)
                .body(
                        "violations.message",
                        hasItems(containsString("date of birth"), containsString("phone"), containsString("email")));
        as("practitioner", "prac-s")
                .body("{\"text\": \"client found the week hard; attachment themes\"}")
                .post(path)
                .then()
                .statusCode(201)
                .body("text", equalTo("client found the week hard; attachment themes"));
        as("practitioner", "prac-other")
                .body("{\"text\": \"fine\"}")
                .post(path)
                .then()
                .statusCode(403);
        as("supervisor", "sup").body("{\"text\": \"fine\"}").post(path).then().statusCode(403);
        as("practitioner", "prac-s").body("{\"text\": \"\"}").post(path).then().statusCode(422);
    }

    @Test
    @DisplayName(
            "R-CONF-2, R-CONF-5: an assigned supervisor sees a stable pseudonym, programme, age band, counts and supervision notes: never identity, never notes")
    void supervisionView() {
        String c = client("prac-v");
        String other = client("prac-v");
        // R-CONF-5: the supervisors are assigned to prac-v, and both clients were told their work may be supervised.
        for (String sup : List.of("sup-1", "sup-2")) {
            as("manager", "mgr")
                    .body("{\"supervisorId\": \"" + sup + "\", \"practitionerId\": \"prac-v\"}")
                    .post("/supervision-agreements")
                    .then()
                    .statusCode(201);
        }
        for (String client : List.of(c, other)) {
            as("practitioner", "prac-v")
                    .body("{\"explained\": true}")
                    .post("/clients/" + client + "/supervision-notice")
                    .then()
                    .statusCode(200);
        }
        as("practitioner", "prac-v")
                .body(note("private session content"))
                .post("/clients/" + c + "/notes")
                .then()
                .statusCode(201);
        as("practitioner", "prac-v")
                .body(note("more"))
                .post("/clients/" + c + "/notes")
                .then()
                .statusCode(201);
        as("practitioner", "prac-v")
                .body("{\"text\": \"transference themes\"}")
                .post("/clients/" + c + "/supervision-notes")
                .then()
                .statusCode(201);

        JsonPath v = as("supervisor", "sup-1")
                .get("/clients/" + c + "/supervision-view")
                .then()
                .statusCode(200)
                .body("pseudonym", matchesPattern("C-[0-9A-F]{12}"))
                .body("programme", equalTo("COUNSELLING"))
                .body("ageBand", equalTo("35-49"))
                .body("sessionCount", equalTo(2))
                .body("supervisionNotes.text", contains("transference themes"))
                .extract()
                .jsonPath();
        assertEquals(
                Set.of("pseudonym", "programme", "ageBand", "sessionCount", "supervisionNotes"),
                v.getMap("").keySet());
        String raw = as("supervisor", "sup-2")
                .get("/clients/" + c + "/supervision-view")
                .asString();
        for (String secret : List.of("Sam", "Jones", "1990", "example.org", "7700", "private session", c)) {
            assertFalse(raw.contains(secret), "supervisor view leaks " + secret + ": " + raw);
        }
        assertEquals(v.getString("pseudonym"), JsonPath.from(raw).getString("pseudonym"), "stable for the client");
        assertNotEquals(
                v.getString("pseudonym"),
                as("supervisor", "sup-1")
                        .get("/clients/" + other + "/supervision-view")
                        .then()
                        .extract()
                        .path("pseudonym"));
        assertEquals(
                "supervisor",
                outbox("supervision.viewed", c).getFirst().get("actorrole").asText());

        as("supervisor", "org-b", "sup")
                .get("/clients/" + c + "/supervision-view")
                .then()
                .statusCode(404);
        for (String role : List.of("manager", "practitioner", "client", "partner", "admin", "compliance")) {
            as(role, "prac-v").get("/clients/" + c + "/supervision-view").then().statusCode(403);
        }
        as("supervisor", "sup").get("/clients/" + c).then().statusCode(403);
        as("supervisor", "sup").get("/clients/" + c + "/notes").then().statusCode(403);
    }
}
