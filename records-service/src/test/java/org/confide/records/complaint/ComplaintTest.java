package org.confide.records.complaint;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.Fixtures.vaultKey;
import static org.confide.records.group.GroupTesting.eventsContaining;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.confide.records.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-COMP-1 through the API: filed by the client, acknowledged and decided by the directors, sealed, destroyed (R-REC-3). */
@QuarkusTest
class ComplaintTest {

    private static final String BODIES = """
            {"outsideBodies": [{"name": "Royal Society for Public Health", "url": "https://www.rsph.org.uk"},
             {"name": "INLPTA", "url": "https://www.inlpta.org"}]}""";

    private static String client(String org) {
        return as("practitioner", org, "prac")
                .body(Fixtures.CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @DisplayName(
            "R-COMP-1: a client's complaint is recorded, goes to the directors, is acknowledged and taken to an outcome; every answer names the outside bodies; the text is sealed and in no event")
    void lifecycle() {
        String org = "org-comp1";
        String c = client(org);
        as("manager", org, "mgr")
                .get("/settings/complaint-bodies")
                .then()
                .statusCode(200)
                .body("outsideBodies", empty())
                .body("org", equalTo(org));
        as("admin", org, "adm")
                .body(BODIES)
                .put("/settings/complaint-bodies")
                .then()
                .statusCode(200)
                .body("outsideBodies.name", contains("Royal Society for Public Health", "INLPTA"));

        String words = "My counsellor told my employer about our sessions";
        String body = "{\"text\": \"" + words + "\"}";
        String id = as("client", org, c)
                .header("Idempotency-Key", "complaint-1")
                .body(body)
                .post("/me/complaints")
                .then()
                .statusCode(201)
                .header("Location", containsString("/me/complaints/"))
                .body("status", equalTo("RECEIVED"))
                .body("routedTo", equalTo("DIRECTORS"))
                .body("text", equalTo(words))
                .body("clientId", equalTo(c))
                .body("outsideBodies.url", contains("https://www.rsph.org.uk", "https://www.inlpta.org"))
                .extract()
                .path("id");
        as("client", org, c)
                .header("Idempotency-Key", "complaint-1")
                .body(body)
                .post("/me/complaints")
                .then()
                .statusCode(201)
                .body("id", equalTo(id));
        assertEquals(
                1L,
                ((Number) rows("select count(*) from complaint where client_id = cast(?1 as uuid)", c)
                                .getFirst()[0])
                        .longValue(),
                "a replay files nothing new");

        // Sealed at rest with the client's key; never in an event.
        byte[] stored = (byte[]) rows("select text from complaint where id = cast(?1 as uuid)", id)
                .getFirst()[0];
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("employer"));
        assertEquals(0, eventsContaining("employer"));

        // The directors (managers) see it; a practitioner, whose work it may be about, does not.
        as("manager", org, "mgr")
                .get("/complaints?status=RECEIVED")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as("practitioner", org, "prac").get("/complaints/" + id).then().statusCode(403);
        as("manager", org, "mgr").get("/complaints?status=SETTLED").then().statusCode(400);

        String status = "/complaints/" + id + "/status";
        as("manager", org, "mgr")
                .body("{\"status\": \"UPHELD\"}")
                .post(status)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-COMP-1"));
        as("manager", org, "mgr")
                .body("{}")
                .post(status)
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-COMP-1"))
                .body("violations[0].field", equalTo("status"));
        as("manager", org, "mgr")
                .body("{\"status\": \"ACKNOWLEDGED\"}")
                .post(status)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", notNullValue());
        as("manager", org, "mgr")
                .body("{\"status\": \"UNDER_REVIEW\"}")
                .post(status)
                .then()
                .statusCode(200);
        as("manager", org, "mgr")
                .body("{\"status\": \"UPHELD\"}")
                .post(status)
                .then()
                .statusCode(200)
                .body("closedAt", notNullValue())
                .body("outsideBodies.name", hasItem("INLPTA"));
        as("manager", org, "mgr")
                .body("{\"status\": \"RESOLVED\"}")
                .post(status)
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-COMP-1"));

        // The client follows it: their list, the complaint, their file.
        as("client", org, c)
                .get("/me/complaints")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("UPHELD"))
                .body("nextCursor", nullValue());
        as("client", org, c).get("/me/complaints/" + id).then().statusCode(200).body("text", equalTo(words));
        as("client", org, c)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("complaints[0].id", equalTo(id))
                .body("complaints[0].status", equalTo("UPHELD"));
        as("client", org, client(org)).get("/me/complaints/" + id).then().statusCode(403);

        // Events: ids and codes, keyed by the client.
        List<JsonNode> received = outbox("complaint.received", c);
        assertEquals(1, received.size());
        Set<String> fields = new HashSet<>();
        received.getFirst().get("data").fieldNames().forEachRemaining(fields::add);
        assertEquals(Set.of("clientId", "complaintId", "status", "rule"), fields);
        assertEquals(
                List.of("ACKNOWLEDGED", "UNDER_REVIEW", "UPHELD"),
                outbox("complaint.status-changed", c).stream()
                        .map(e -> e.get("data").get("status").asText())
                        .toList());
        assertEquals("R-COMP-1", received.getFirst().get("data").get("rule").asText());
    }

    @Test
    @DisplayName(
            "R-COMP-1: a complaint without words is 422 naming text; an outside body without a name or an http(s) address is 422 naming it")
    void refusals() {
        String org = "org-comp2";
        String c = client(org);
        as("client", org, c)
                .body("{\"text\": \"  \"}")
                .post("/me/complaints")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-COMP-1"))
                .body("violations[0].field", equalTo("text"));
        as("client", org, c)
                .body("{}")
                .post("/me/complaints")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("text"));
        as("client", org, c)
                .body("{\"text\": \"" + "a".repeat(20_001) + "\"}")
                .post("/me/complaints")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("text"));
        as("admin", org, "adm")
                .body("{\"outsideBodies\": [{\"name\": \"Ombudsman\", \"url\": \"ftp://x.example\"}]}")
                .put("/settings/complaint-bodies")
                .then()
                .statusCode(422)
                .body("rule", equalTo("R-COMP-1"))
                .body("violations[0].field", equalTo("outsideBodies[0].url"));
        as("admin", org, "adm")
                .body("{\"outsideBodies\": [{\"url\": \"https://x.example\"}]}")
                .put("/settings/complaint-bodies")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("outsideBodies[0].name"));
        as("admin", org, "adm")
                .body("{}")
                .put("/settings/complaint-bodies")
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("outsideBodies"));
        assertEquals(
                0L,
                ((Number) rows("select count(*) from complaint where org = ?1", org)
                                .getFirst()[0])
                        .longValue());
    }

    @Test
    @DisplayName(
            "R-REC-3: destroying a client destroys the words of their complaints (key and ciphertext); the status stays, and no new complaint is taken")
    void destruction() {
        String org = "org-comp3";
        String c = client(org);
        String id = as("client", org, c)
                .body("{\"text\": \"about the sessions\"}")
                .post("/me/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("manager", org, "mgr")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + c + "/milestones")
                .then()
                .statusCode(201);
        as("admin", org, "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);
        as("manager", org, "mgr")
                .post("/clients/" + c + "/destruction")
                .then()
                .statusCode(200)
                .body("status", equalTo("DESTROYED"));

        assertNull(rows("select text from complaint where id = cast(?1 as uuid)", id)
                .getFirst()[0]);
        assertNull(vaultKey(c));
        as("manager", org, "mgr")
                .get("/complaints/" + id)
                .then()
                .statusCode(200)
                .body("text", nullValue())
                .body("status", equalTo("RECEIVED"));
        as("client", org, c).get("/me/file").then().statusCode(200).body("complaints", empty());
        as("client", org, c)
                .body("{\"text\": \"again\"}")
                .post("/me/complaints")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REC-3"));
        as("manager", org, "mgr")
                .get("/complaints")
                .then()
                .statusCode(200)
                .body("items.text", not(hasItem("about the sessions")));
    }
}
