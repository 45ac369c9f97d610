package org.confide.audit.checkpoint;

import static org.confide.audit.AuditTestSupport.allEntries;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.rootOf;
import static org.confide.audit.AuditTestSupport.treeSizeOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.confide.auditlog.proof.ConsistencyProof;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET /audit/checkpoints/consistency (docs/api.md "A log others can check and witness"). */
@QuarkusTest
class ConsistencyTest {

    private static final HexFormat HEX = HexFormat.of();

    static JsonPath checkpointAt(String org, int size) throws Exception {
        await("a checkpoint of " + size + " entries", () -> treeSizeOf(org) == size);
        return compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static List<byte[]> hashes(JsonPath proof) {
        return proof.getList("hashes", String.class).stream().map(HEX::parseHex).toList();
    }

    @Test
    @DisplayName(
            "a consistency proof links an earlier checkpoint to the latest (RFC 9162 2.1.4.2), and not to another root")
    void proofBetweenCheckpoints() throws Exception {
        String org = "org-cons-" + UUID.randomUUID();
        CheckpointTest.sendMany(org, 3);
        JsonPath first = checkpointAt(org, 3);
        CheckpointTest.sendMany(org, 4);
        JsonPath second = checkpointAt(org, 7);

        JsonPath proof = compliance(org)
                .get("/audit/checkpoints/consistency?from=3&to=7")
                .then()
                .statusCode(200)
                .body("from", equalTo(3))
                .body("to", equalTo(7))
                .extract()
                .jsonPath();
        byte[] r1 = HEX.parseHex(first.getString("rootHash"));
        byte[] r2 = HEX.parseHex(second.getString("rootHash"));
        assertTrue(ConsistencyProof.verify(3, 7, r1, r2, hashes(proof)));
        assertFalse(ConsistencyProof.verify(3, 7, r2, r1, hashes(proof)), "swapped roots");
        assertFalse(ConsistencyProof.verify(4, 7, r1, r2, hashes(proof)), "another size");

        compliance(org)
                .get("/audit/checkpoints/consistency?from=7&to=7")
                .then()
                .statusCode(200)
                .body("hashes.size()", equalTo(0));
        List<java.util.Map<String, Object>> entries = allEntries(org);
        for (int m = 1; m <= 7; m++) {
            JsonPath p = compliance(org)
                    .get("/audit/checkpoints/consistency?from=" + m + "&to=7")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            byte[] rm = HEX.parseHex(rootOf(entries, m)); // the root of the first m entries, from the entries alone
            assertTrue(ConsistencyProof.verify(m, 7, rm, r2, hashes(p)), m + " -> 7");
        }
    }

    @Test
    @DisplayName(
            "bad sizes are 400 problem+json naming the field; before a checkpoint 404; compliance only, per organisation")
    void errorsAndAccess() throws Exception {
        String org = "org-cons-err-" + UUID.randomUUID();
        compliance(org)
                .get("/audit/checkpoints/consistency?from=1&to=1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        CheckpointTest.sendMany(org, 2);
        checkpointAt(org, 2);
        for (String[] bad : List.of(
                new String[] {"from=0&to=2", "from"},
                new String[] {"from=abc&to=2", "from"},
                new String[] {"to=2", "from"},
                new String[] {"from=1", "to"},
                new String[] {"from=2&to=1", "to"},
                new String[] {"from=1&to=3", "to"},
                new String[] {"from=-1&to=2", "from"},
                new String[] {"from=1&to=99999999999999999999", "to"})) {
            compliance(org)
                    .get("/audit/checkpoints/consistency?" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad[1]));
        }
        compliance("org-other-" + UUID.randomUUID())
                .get("/audit/checkpoints/consistency?from=1&to=2")
                .then()
                .statusCode(404);
        RestAssured.given()
                .get("/audit/checkpoints/consistency?from=1&to=2")
                .then()
                .statusCode(401);
        for (String role : List.of("practitioner", "client", "manager", "admin")) {
            RestAssured.given()
                    .auth()
                    .oauth2(Tokens.token(role, org, "x"))
                    .get("/audit/checkpoints/consistency?from=1&to=2")
                    .then()
                    .statusCode(403);
        }
        assertEquals(
                1,
                compliance(org)
                        .get("/audit/checkpoints/consistency?from=1&to=2")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("hashes")
                        .size());
    }
}
