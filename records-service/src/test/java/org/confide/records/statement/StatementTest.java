package org.confide.records.statement;

import static io.restassured.RestAssured.given;
import static org.confide.records.Fixtures.acceptPartners;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatementTest {

    static String org() {
        return "org-st-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String clientBody(String version) {
        return """
                {"identity": {"fullName": "Kit Moss"}, "programme": "MENTORING", "limitsExplained": true%s}""".formatted(version == null ? "" : ", \"statementVersion\": " + version);
    }

    static int publish(String org, String text) {
        return as("admin", org, "adm")
                .body("{\"text\": \"" + text + "\"}")
                .post("/settings/confidentiality-statements")
                .then()
                .statusCode(201)
                .body("text", equalTo(text))
                .body("publishedBy", equalTo("adm"))
                .body("publishedAt", notNullValue())
                .extract()
                .path("version");
    }

    static void acknowledge(String org, String role, String sub, int version) {
        as(role, org, sub)
                .body("{\"version\": " + version + "}")
                .post("/confidentiality-statement/acknowledgement")
                .then()
                .statusCode(200)
                .body("version", equalTo(version))
                .body("acknowledgedAt", notNullValue());
    }

    @Test
    @DisplayName(
            "R-REC-6: once a statement is published, practitioners, managers and supervisors are refused client work (403 R-REC-6) until they acknowledge the current version; a new version asks again; none published, nothing refused")
    void acknowledgeBeforeClientWork() {
        String org = org();
        String c = as("practitioner", org, "prac")
                .body(clientBody(null))
                .post("/clients")
                .then()
                .statusCode(201)
                .body("statementVersion", nullValue())
                .extract()
                .path("id");
        as("practitioner", org, "prac").get("/clients/" + c).then().statusCode(200);

        assertEquals(1, publish(org, "Confidentiality statement, first edition"));
        String notes = "/clients/" + c + "/notes";
        String note = "{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"n\"}";
        as("practitioner", org, "prac")
                .get("/clients/" + c)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac").get(notes).then().statusCode(403).body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac")
                .body(note)
                .post(notes)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac").get("/clients").then().statusCode(403).body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac")
                .body(clientBody("1"))
                .post("/clients")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac")
                .body("{\"recipient\": \"GP\", \"body\": \"b\"}")
                .post("/clients/" + c + "/letters")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6"));
        as("manager", org, "mgr").get("/clients/" + c).then().statusCode(403).body("rule", equalTo("R-REC-6"));
        as("supervisor", org, "sup")
                .get("/clients/" + c + "/supervision-view")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac")
                .body("{\"kind\": \"PEER_GROUP\", \"name\": \"Tuesday group\", \"programme\": \"GROUP\"}")
                .post("/groups")
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6")); // group work is client work too
        as("admin", org, "adm").get("/settings/retention").then().statusCode(200); // not client work
        as("client", org, c).get("/me/file").then().statusCode(200); // the client's own file is not staff work

        as("practitioner", org, "prac")
                .get("/confidentiality-statement")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("text", equalTo("Confidentiality statement, first edition"))
                .body("acknowledgedAt", nullValue());
        acknowledge(org, "practitioner", "prac", 1);
        as("practitioner", org, "prac").get("/clients/" + c).then().statusCode(200);
        as("practitioner", org, "prac").body(note).post(notes).then().statusCode(201);
        as("manager", org, "mgr").get("/clients/" + c).then().statusCode(403);

        assertEquals(2, publish(org, "Second edition"));
        as("practitioner", org, "prac")
                .get("/clients/" + c)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6"));
        as("practitioner", org, "prac")
                .body("{\"version\": 1}")
                .post("/confidentiality-statement/acknowledgement")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REC-6"))
                .body("violations[0].field", equalTo("version"));
        acknowledge(org, "practitioner", "prac", 2);
        acknowledge(org, "practitioner", "prac", 2); // again: harmless
        as("practitioner", org, "prac").get("/clients/" + c).then().statusCode(200);
        // A colleague who has not acknowledged: refused for that, before anything about the client is looked at.
        as("practitioner", org, "prac-new")
                .get("/clients/" + c)
                .then()
                .statusCode(403)
                .body("rule", equalTo("R-REC-6"));

        assertEquals(2, outbox("statement.published", org).size());
        assertEquals(2, outbox("statement.acknowledged", org).size(), "one per version acknowledged, not per call");
        assertFalse(
                outbox("statement.published", org).toString().contains("edition"), "the text never goes into events");
    }

    @Test
    @DisplayName(
            "R-REC-6: an intake records the version explained: the current one when one is published (422 naming statementVersion otherwise); the client's own file shows it")
    void intakeRecordsTheVersion() {
        String org = org();
        as("practitioner", org, "prac")
                .body(clientBody("1"))
                .post("/clients")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REC-6"))
                .body("violations[0].field", equalTo("statementVersion"));
        publish(org, "Edition one");
        publish(org, "Edition two");
        acknowledge(org, "practitioner", "prac", 2);
        as("practitioner", org, "prac")
                .body(clientBody(null))
                .post("/clients")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REC-6"))
                .body("violations[0].field", equalTo("statementVersion"));
        as("practitioner", org, "prac")
                .body(clientBody("1"))
                .post("/clients")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-REC-6"));
        String c = as("practitioner", org, "prac")
                .body(clientBody("2"))
                .post("/clients")
                .then()
                .statusCode(201)
                .body("statementVersion", equalTo(2))
                .extract()
                .path("id");
        as("client", org, c)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("confidentialityStatement.version", equalTo(2))
                .body("confidentialityStatement.text", equalTo("Edition two"));
        assertEquals(
                2,
                outbox("client.statement-explained", c)
                        .getFirst()
                        .get("data")
                        .get("statementVersion")
                        .asInt());

        // A referred client: the version goes with the R-REC-5 record of the initial meeting.
        acceptPartners(org, "partner-st");
        String referred = as("partner", "partner-st", "api")
                .body("{\"providerOrg\": \"" + org + "\", \"identity\": "
                        + "{\"fullName\": \"Lee Park\"}, \"programme\": \"COACHING\", \"reason\": \"r\"}")
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
        acknowledge(org, "manager", "mgr", 2);
        as("manager", org, "mgr")
                .body("{\"type\": \"INITIAL_MEETING_HELD\", \"limitsExplained\": true}")
                .post("/clients/" + referred + "/milestones")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("statementVersion"));
        as("manager", org, "mgr")
                .body("{\"type\": \"INITIAL_MEETING_HELD\", \"limitsExplained\": true, \"statementVersion\": 2}")
                .post("/clients/" + referred + "/milestones")
                .then()
                .statusCode(201);
        as("manager", org, "mgr").get("/clients/" + referred).then().body("statementVersion", equalTo(2));
    }

    @Test
    @DisplayName(
            "R-REC-6: statement endpoints: admins publish (immutable: no PUT or DELETE), admins and managers list versions paged newest first; roles 401/403; bad input 400/422; none published 404/409")
    void statementEndpoints() {
        String org = org();
        as("practitioner", org, "prac").get("/confidentiality-statement").then().statusCode(404);
        as("practitioner", org, "prac")
                .body("{\"version\": 1}")
                .post("/confidentiality-statement/acknowledgement")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REC-6"));
        publish(org, "one");
        publish(org, "two");
        publish(org, "three");
        var page = as("manager", org, "mgr")
                .get("/settings/confidentiality-statements?limit=2")
                .then()
                .statusCode(200)
                .body("items.version", contains(3, 2))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        as("admin", org, "adm")
                .get("/settings/confidentiality-statements?limit=2&cursor=" + page.getString("nextCursor"))
                .then()
                .statusCode(200)
                .body("items.version", contains(1))
                .body("items[0].text", equalTo("one"))
                .body("nextCursor", nullValue());
        as("admin", org, "adm")
                .get("/settings/confidentiality-statements/2")
                .then()
                .statusCode(200)
                .body("text", equalTo("two"));
        as("admin", org, "adm")
                .get("/settings/confidentiality-statements/9")
                .then()
                .statusCode(404);
        as("admin", org, "adm")
                .get("/settings/confidentiality-statements/x")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("version"));
        as("admin", org, "adm")
                .body("{\"text\": \"changed\"}")
                .put("/settings/confidentiality-statements/1")
                .then()
                .statusCode(405);
        as("admin", org, "adm")
                .delete("/settings/confidentiality-statements/1")
                .then()
                .statusCode(405);
        as("admin", "org-b", "adm")
                .get("/settings/confidentiality-statements/1")
                .then()
                .statusCode(404);

        as("admin", org, "adm")
                .body("{\"text\": \"  \"}")
                .post("/settings/confidentiality-statements")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("text"));
        as("admin", org, "adm")
                .body("{\"text\": 5")
                .post("/settings/confidentiality-statements")
                .then()
                .statusCode(400);
        as("practitioner", org, "prac")
                .body("{}")
                .post("/confidentiality-statement/acknowledgement")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("version"));
        for (String role : List.of("manager", "practitioner", "supervisor", "client", "partner", "compliance")) {
            as(role, org, "x")
                    .body("{\"text\": \"t\"}")
                    .post("/settings/confidentiality-statements")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("practitioner", "supervisor", "client", "partner", "compliance")) {
            as(role, org, "x")
                    .get("/settings/confidentiality-statements")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("client", "partner", "compliance")) {
            as(role, org, "x").get("/confidentiality-statement").then().statusCode(403);
        }
        for (String role : List.of("client", "partner", "compliance", "admin")) {
            as(role, org, "x")
                    .body("{\"version\": 3}")
                    .post("/confidentiality-statement/acknowledgement")
                    .then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .get("/confidentiality-statement")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"t\"}")
                .post("/settings/confidentiality-statements")
                .then()
                .statusCode(401);
        // Idempotency-Key: a retried publication is the same version, not a new one.
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as("admin", org, "adm")
                    .header("Idempotency-Key", key)
                    .body("{\"text\": \"four\"}")
                    .post("/settings/confidentiality-statements")
                    .then()
                    .statusCode(201)
                    .body("version", equalTo(4));
        }
        as("admin", org, "adm")
                .get("/confidentiality-statement")
                .then()
                .statusCode(200)
                .body("version", equalTo(4));
        as("manager", org, "mgr")
                .get("/settings/confidentiality-statements")
                .then()
                .body("items", hasSize(4));
    }
}
