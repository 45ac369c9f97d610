package org.confide.records.retention;

import static org.confide.records.Fixtures.CLIENT_BODY;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.awaitEvent;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.Fixtures.vaultKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.confide.platform.auth.Actor;
import org.confide.platform.crypto.FieldCipher;
import org.confide.records.crypto.ClientKeys;
import org.confide.records.retention.service.RetentionRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionTest {

    static String client(String org, String practitioner) {
        return as("practitioner", org, practitioner)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void cease(String org, String client) {
        as("manager", org, "mgr")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + client + "/milestones")
                .then()
                .statusCode(201);
    }

    @Test
    @DisplayName(
            "R-REC-3: the retention period is 0..36500 days, set by the org's admin; outside it is 422 naming the rule and field")
    void period() {
        String org = "org-period";
        as("admin", org, "adm")
                .get("/settings/retention")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(1095));
        for (String bad : List.of("-1", "36501", "null")) {
            as("admin", org, "adm")
                    .body("{\"retentionDays\": " + bad + "}")
                    .put("/settings/retention")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("R-REC-3"))
                    .body("violations[0].field", equalTo("retentionDays"));
        }
        as("admin", org, "adm")
                .body("{\"retentionDays\": \"three years\"}")
                .put("/settings/retention")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("retentionDays"));
        as("admin", org, "adm")
                .body("{\"retentionDays\": 36500}")
                .put("/settings/retention")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(36500));
        as("admin", org, "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(0))
                .body("org", equalTo(org));
        as("manager", org, "m")
                .get("/settings/retention")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(0));
        as("admin", "org-period-2", "adm")
                .get("/settings/retention")
                .then()
                .statusCode(200)
                .body("retentionDays", equalTo(1095));
        for (String role : List.of("manager", "practitioner", "supervisor", "client", "partner", "compliance")) {
            as(role, org, "x")
                    .body("{\"retentionDays\": 5}")
                    .put("/settings/retention")
                    .then()
                    .statusCode(403);
        }
        for (String role : List.of("practitioner", "supervisor", "client", "partner", "compliance")) {
            as(role, org, "x").post("/retention/run").then().statusCode(403);
        }
    }

    @Test
    @DisplayName(
            "R-REC-3/R-REC-4: a run destroys due clients beyond recovery (key gone, tombstone left, client.destroyed) and spares held and current ones")
    void run() throws Exception {
        String org = "org-run";
        as("admin", org, "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);
        String due = client(org, "prac-r");
        String held = client(org, "prac-r");
        String current = client(org, "prac-r");
        as("practitioner", org, "prac-r")
                .body("{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"secret\"}")
                .post("/clients/" + due + "/notes")
                .then()
                .statusCode(201);
        as("practitioner", org, "prac-r")
                .body("{\"recipient\": \"GP\", \"body\": \"letter\"}")
                .post("/clients/" + due + "/letters")
                .then()
                .statusCode(201);
        cease(org, due);
        cease(org, held);
        as("manager", org, "mgr")
                .body("{\"reason\": \"court application pending\"}")
                .post("/clients/" + held + "/legal-hold")
                .then()
                .statusCode(200)
                .body("legalHold", equalTo(true));
        byte[] identityBefore = (byte[]) rows("select identity from client where id = ?1", UUID.fromString(due))
                .getFirst()[0];

        as("manager", org, "mgr")
                .post("/clients/" + held + "/destruction")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("R-REC-4"));
        as("manager", org, "mgr")
                .post("/clients/" + current + "/destruction")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REC-3"));

        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", contains(due));

        JsonPath tomb = as("manager", org, "mgr")
                .get("/clients/" + due)
                .then()
                .statusCode(200)
                .body("status", equalTo("DESTROYED"))
                .body("destroyedAt", notNullValue())
                .extract()
                .jsonPath();
        assertEquals(Set.of("id", "status", "destroyedAt"), tomb.getMap("").keySet());
        Object[] row = rows("select identity, status from client where id = ?1", UUID.fromString(due))
                .getFirst();
        assertNull(vaultKey(due), "the client's data key is destroyed in the key vault");
        assertNull(row[0]);
        assertEquals("DESTROYED", row[1]);
        assertEquals(
                0,
                rows("select id from note where client_id = ?1", UUID.fromString(due))
                        .size());
        assertEquals(
                0,
                rows("select id from letter where client_id = ?1", UUID.fromString(due))
                        .size());
        ClientKeys keys = Arc.container().instance(ClientKeys.class).get();
        assertThrows(
                FieldCipher.Unreadable.class,
                () -> keys.open(UUID.fromString(due), "identity", identityBefore),
                "a copy of the identity made before destruction no longer decrypts");
        assertEquals(
                "R-REC-3",
                awaitEvent("client.destroyed", due).get("data").get("rule").asText());

        as("manager", org, "mgr")
                .get("/clients/" + held)
                .then()
                .statusCode(200)
                .body("identity.fullName", equalTo("Sam Jones"))
                .body("legalHold", equalTo(true));
        as("manager", org, "mgr")
                .get("/clients/" + current)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as("practitioner", org, "prac-r").get("/clients/" + due).then().statusCode(403);
        as("manager", org, "mgr")
                .body("{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"x\"}")
                .post("/clients/" + due + "/notes")
                .then()
                .statusCode(409)
                .body("rule", equalTo("R-REC-3"));
        as("client", org, due)
                .get("/me/file")
                .then()
                .statusCode(200)
                .body("client.status", equalTo("DESTROYED"))
                .body("notes", empty())
                .body("letters", empty());
        as("manager", org, "mgr")
                .get("/clients?status=DESTROYED")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(due))
                .body("items.identity", not(hasItem(notNullValue())));

        as("manager", org, "mgr")
                .delete("/clients/" + held + "/legal-hold")
                .then()
                .statusCode(204);
        assertEquals(1, outbox("legal-hold.released", held).size());
        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", contains(held));
        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", empty());
    }

    @Test
    @DisplayName(
            "R-REC-3: under the default 1095 days a client who just ceased is not due; the daily run's entry point spares it too")
    void defaultPeriod() {
        String org = "org-default";
        String c = client(org, "prac-d");
        cease(org, c);
        as("manager", org, "mgr").get("/clients/" + c).then().statusCode(200).body("retainUntil", notNullValue());
        as("admin", org, "adm").post("/retention/run").then().statusCode(200).body("destroyed", empty());
        RetentionRun run = Arc.container().instance(RetentionRun.class).get();
        assertTrue(run.run(org, Actor.system("records-service", org), "corr").isEmpty());
        assertNotNull(vaultKey(c), "a spared client keeps its key");
    }

    @Test
    @DisplayName("R-REC-4: only a manager sets or releases a hold, with a reason; other org 404")
    void holdAuth() {
        String org = "org-hold";
        String c = client(org, "prac-h");
        String path = "/clients/" + c + "/legal-hold";
        as("manager", org, "m")
                .body("{}")
                .post(path)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("reason"));
        as("manager", "org-other", "m")
                .body("{\"reason\": \"r\"}")
                .post(path)
                .then()
                .statusCode(404);
        for (String role : List.of("practitioner", "supervisor", "client", "partner", "admin", "compliance")) {
            as(role, org, "prac-h")
                    .body("{\"reason\": \"r\"}")
                    .post(path)
                    .then()
                    .statusCode(403);
            as(role, org, "prac-h").delete(path).then().statusCode(403);
            as(role, org, "prac-h")
                    .post("/clients/" + c + "/destruction")
                    .then()
                    .statusCode(403);
        }
        as("manager", org, "m")
                .body("{\"reason\": \"subject access dispute\"}")
                .post(path)
                .then()
                .statusCode(200);
        assertEquals(
                "R-REC-4",
                outbox("legal-hold.set", c).getFirst().get("data").get("rule").asText());
        assertTrue(
                outbox("legal-hold.set", c).getFirst().toString().indexOf("dispute") < 0,
                "the reason stays out of events");
    }
}
