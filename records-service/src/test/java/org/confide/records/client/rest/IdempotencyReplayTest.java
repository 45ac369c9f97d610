package org.confide.records.client.rest;

import static org.confide.records.Fixtures.CLIENT_BODY;
import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.outbox;
import static org.confide.records.Fixtures.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.confide.platform.idempotency.IdempotencyStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Idempotency-Key rows keep no copy of a body and are the caller's, for 24 h; a replay reads the resource again (docs/api.md). */
@QuarkusTest
class IdempotencyReplayTest {

    @Test
    @DisplayName(
            "Idempotency-Key: a replay answers the first id and status with the resource as it is now (a letter the client approved since)")
    void replayReadsAgain() {
        String org = "org-idem-now";
        String client = as("practitioner", org, "prac-n")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String letter = "{\"recipient\": \"Housing office\", \"body\": \"I support the application.\"}";
        ExtractableResponse<Response> first = as("practitioner", org, "prac-n")
                .header("Idempotency-Key", "letter-1")
                .body(letter)
                .post("/clients/" + client + "/letters")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract();
        String id = first.path("id");
        as("client", org, client)
                .body("{\"approved\": true}")
                .post("/me/letters/" + id + "/approval")
                .then()
                .statusCode(200);
        as("practitioner", org, "prac-n")
                .header("Idempotency-Key", "letter-1")
                .body(letter)
                .post("/clients/" + client + "/letters")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("status", equalTo("APPROVED"))
                .body("body", equalTo("I support the application."))
                .header("Location", equalTo(first.header("Location")));
        assertEquals(1, outbox("letter.drafted", client).size());
        // The same key on another route is another request: 409, as for another body.
        as("practitioner", org, "prac-n")
                .header("Idempotency-Key", "letter-1")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(409);
    }

    @Test
    @DisplayName(
            "Idempotency-Key: keys are the caller's; another practitioner of the same org with the same key and body makes their own client")
    void scopedToCaller() {
        String org = "org-idem-scope";
        String key = "same-key";
        String a = as("practitioner", org, "prac-a")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String b = as("practitioner", org, "prac-b")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String c = as("practitioner", "org-idem-scope-2", "prac-a")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(3, Set.of(a, b, c).size());
        as("practitioner", org, "prac-b")
                .header("Idempotency-Key", key)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .body("id", equalTo(b));
        assertEquals(
                2, rows("select sub from idempotency_key where org = ?1", org).size());
    }

    @Test
    @DisplayName(
            "Idempotency-Key: the stored row holds no copy of the request or response (every column read), only the caller, key, route, keyed hash, status, id and Location")
    void storesNoBody() {
        String org = "org-idem-plain";
        String marker = "Zebulon Quillfeather";
        String body = CLIENT_BODY
                .replace("Sam Jones", marker)
                .replace("sam@example.org", "zq-marker@example.org")
                .replace("1990-02-03", "1987-06-05")
                .replace("+44 7700 900123", "+44 7700 900999");
        String client = as("practitioner", org, "prac-p")
                .header("Idempotency-Key", "reg-plain")
                .body(body)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("practitioner", org, "prac-p")
                .header("Idempotency-Key", "note-plain")
                .body(
                        "{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"talked about Quillfeather's debts\"}")
                .post("/clients/" + client + "/notes")
                .then()
                .statusCode(201);

        Set<String> columns = new TreeSet<>();
        rows("select column_name from information_schema.columns where table_name = 'idempotency_key'")
                .forEach(r -> columns.add((String) r[0]));
        assertEquals(
                new TreeSet<>(List.of(
                        "org",
                        "sub",
                        "idem_key",
                        "route",
                        "request_mac",
                        "status",
                        "resource_id",
                        "location",
                        "created_at")),
                columns);
        List<Object[]> stored = rows("select * from idempotency_key where org = ?1", org);
        assertEquals(2, stored.size());
        for (Object[] row : stored) {
            for (Object cell : row) {
                String text = cell == null
                        ? ""
                        : cell instanceof byte[] b
                                ? new String(b, StandardCharsets.ISO_8859_1) + " "
                                        + HexFormat.of().formatHex(b)
                                : cell.toString();
                for (String m :
                        List.of("zebulon", "quillfeather", "zq-marker", "1987-06-05", "1987", "900999", "debts")) {
                    assertFalse(
                            text.toLowerCase(Locale.ROOT).contains(m), "idempotency_key holds '" + m + "': " + text);
                }
            }
        }
        Object[] reg = rows(
                        "select status, resource_id, location, length(request_mac) from idempotency_key "
                                + "where org = ?1 and idem_key = 'reg-plain'",
                        org)
                .getFirst();
        assertEquals(201, ((Number) reg[0]).intValue());
        assertEquals(client, reg[1]);
        assertEquals("/clients/" + client, java.net.URI.create((String) reg[2]).getPath());
        assertEquals(64, ((Number) reg[3]).intValue(), "HMAC-SHA256 of the request, in hex");
    }

    @Test
    @DisplayName("Idempotency-Key: a row older than 24 h never replays, and the purge deletes it")
    void expires() {
        String org = "org-idem-old";
        String first = as("practitioner", org, "prac-o")
                .header("Idempotency-Key", "old-key")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        age(org, "old-key");
        String second = as("practitioner", org, "prac-o")
                .header("Idempotency-Key", "old-key")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertNotEquals(first, second, "an expired key is a new request");

        as("practitioner", org, "prac-o")
                .header("Idempotency-Key", "fresh-key")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201);
        age(org, "old-key");
        assertTrue(Arc.container().instance(IdempotencyStore.class).get().purge() >= 1);
        assertEquals(
                List.of("fresh-key"),
                rows("select idem_key from idempotency_key where org = ?1", org).stream()
                        .map(r -> (String) r[0])
                        .toList());
    }

    @Test
    @DisplayName("R-REC-3: the replay of a destroyed client's registration answers its tombstone, never the identity")
    void destroyedReplaysTombstone() {
        String org = "org-idem-destroyed";
        as("admin", org, "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);
        String client = as("manager", org, "mgr")
                .header("Idempotency-Key", "reg-gone")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .body("identity.fullName", equalTo("Sam Jones"))
                .extract()
                .path("id");
        as("manager", org, "mgr")
                .body("{\"type\": \"CONTACT_CEASED\"}")
                .post("/clients/" + client + "/milestones")
                .then()
                .statusCode(201);
        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", hasItem(client));
        as("manager", org, "mgr")
                .header("Idempotency-Key", "reg-gone")
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .body("id", equalTo(client))
                .body("status", equalTo("DESTROYED"))
                .body("identity", nullValue())
                .body("destroyedAt", not(nullValue()));
        as("manager", org, "mgr").get("/clients").then().statusCode(200).body("items.size()", equalTo(1));
    }

    /** Makes the caller's row for this key 25 hours old. */
    private static void age(String org, String key) {
        int aged = QuarkusTransaction.requiringNew()
                .call(() -> Arc.container()
                        .instance(EntityManager.class)
                        .get()
                        .createNativeQuery("update idempotency_key set created_at = now() - interval '25 hours' "
                                + "where org = ?1 and idem_key = ?2")
                        .setParameter(1, org)
                        .setParameter(2, key)
                        .executeUpdate());
        assertEquals(1, aged);
    }
}
