package org.confide.audit.checkpoint;

import static org.confide.audit.AuditTestSupport.allEntries;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.flush;
import static org.confide.audit.AuditTestSupport.rootOf;
import static org.confide.audit.AuditTestSupport.sendAsync;
import static org.confide.audit.AuditTestSupport.treeSizeOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.proof.InclusionProof;
import org.confide.auditlog.tree.MerkleTree;
import org.confide.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckpointTest {

    private static final HexFormat HEX = HexFormat.of();

    @ConfigProperty(name = "confide.audit.signing-key")
    String keyFile;

    static void sendMany(String org, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String client = UUID.randomUUID().toString();
            sendAsync(
                    "records-events",
                    client,
                    event(
                            UUID.randomUUID().toString(),
                            org,
                            "records-service",
                            "record.accessed",
                            client,
                            "prac-1",
                            "practitioner",
                            "c-" + i,
                            "{\"clientId\":\"" + client + "\",\"purposeOfUse\":\"CARE\"}"));
        }
        flush();
    }

    static boolean proofVerifies(String org, long seq, JsonPath checkpoint) {
        JsonPath proof = compliance(org)
                .get("/audit/entries/" + seq + "/proof")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(checkpoint.getLong("treeSize"), proof.getLong("treeSize"));
        assertEquals(seq - 1, proof.getLong("leafIndex"));
        List<byte[]> hashes = proof.getList("hashes", String.class).stream()
                .map(HEX::parseHex)
                .toList();
        return InclusionProof.verify(
                seq - 1,
                checkpoint.getLong("treeSize"),
                MerkleTree.leafHash(HEX.parseHex(proof.getString("hash"))),
                hashes,
                HEX.parseHex(checkpoint.getString("rootHash")));
    }

    @Test
    @DisplayName(
            "docs/api.md Hashing: a checkpoint covers new entries within seconds; its note is the C2SP text signed as a signed note; anyone recomputes its root from the entries")
    void signedCheckpoint() throws Exception {
        String org = "org-cp-" + UUID.randomUUID();
        compliance(org).get("/audit/checkpoints/latest").then().statusCode(404).contentType("application/problem+json");
        sendMany(org, 5);
        await("a checkpoint of 5 entries", () -> treeSizeOf(org) == 5);
        JsonPath cp = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .statusCode(200)
                .body("org", equalTo(org))
                .body("seq", equalTo(5))
                .body("treeSize", equalTo(5))
                .extract()
                .jsonPath();
        List<Map<String, Object>> entries = allEntries(org);
        assertEquals(entries.get(4).get("hash"), cp.getString("hash"));
        assertEquals(rootOf(entries, 5), cp.getString("rootHash"), "the root is recomputed from the entries alone");

        SignedNote.VerifierKey vkey = SignedNote.parseVerifierKey(cp.getString("publicKey"));
        assertEquals("confide/" + org, vkey.name());
        String text = "confide/" + org + "\n5\n"
                + java.util.Base64.getEncoder().encodeToString(HEX.parseHex(cp.getString("rootHash"))) + "\n";
        assertEquals(text, SignedNote.open(cp.getString("note"), vkey), "the note opens with the published key");
        assertEquals(text + "\n\u2014 confide/" + org + " " + cp.getString("signature") + "\n", cp.getString("note"));
        assertEquals(5, CheckpointText.parse(text).treeSize());
        assertTrue(cp.getString("signedAt").endsWith("Z"));

        for (long seq = 1; seq <= 5; seq++) {
            assertTrue(proofVerifies(org, seq, cp), "inclusion of entry " + seq);
        }
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo(5))
                .body("checkpointsChecked", equalTo(1));
    }

    @Test
    @DisplayName("a log past 512 entries uses stored tree nodes: root and proofs still agree with the entries")
    void largerTree() throws Exception {
        String org = "org-cp-big-" + UUID.randomUUID();
        sendMany(org, 600);
        await("a checkpoint of 600 entries", () -> treeSizeOf(org) == 600);
        JsonPath cp = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> entries = allEntries(org);
        assertEquals(600, entries.size());
        assertEquals(rootOf(entries, 600), cp.getString("rootHash"));
        for (long seq : new long[] {1, 255, 256, 257, 512, 513, 599, 600}) {
            assertTrue(proofVerifies(org, seq, cp), "inclusion of entry " + seq);
        }
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true)).body("checked", equalTo(600));
        compliance(org)
                .get("/audit/verify?fromSeq=300")
                .then()
                .body("valid", equalTo(true))
                .body("checked", equalTo(301));
    }

    @Test
    @DisplayName(
            "a proof for an entry that does not exist is 404, a bad seq 400; checkpoints and proofs are compliance only, per organisation")
    void proofErrorsAndAccess() throws Exception {
        String org = "org-cp-err-" + UUID.randomUUID();
        sendMany(org, 1);
        await("a checkpoint", () -> treeSizeOf(org) == 1);
        compliance(org).get("/audit/entries/2/proof").then().statusCode(404).contentType("application/problem+json");
        compliance(org)
                .get("/audit/entries/abc/proof")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("seq"));
        compliance(org).get("/audit/entries/0/proof").then().statusCode(400);
        compliance("org-other-" + UUID.randomUUID())
                .get("/audit/entries/1/proof")
                .then()
                .statusCode(404);
        compliance("org-other-" + UUID.randomUUID())
                .get("/audit/checkpoints/latest")
                .then()
                .statusCode(404);
        io.restassured.RestAssured.given()
                .get("/audit/checkpoints/latest")
                .then()
                .statusCode(401);
        for (String role : List.of("practitioner", "client", "manager", "admin")) {
            io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(Tokens.token(role, org, "x"))
                    .get("/audit/checkpoints/latest")
                    .then()
                    .statusCode(403);
            io.restassured.RestAssured.given()
                    .auth()
                    .oauth2(Tokens.token(role, org, "x"))
                    .get("/audit/entries/1/proof")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    @DisplayName(
            "docs/architecture.md Data: the signing key lives in a file outside the database, readable by its owner only")
    void keyFile() throws Exception {
        Path file = Path.of(keyFile);
        assertTrue(Files.exists(file));
        assertTrue(Files.readString(file).startsWith("PRIVATE+KEY+"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(keyFile.startsWith(".confide"), "tests never touch the real key");
    }
}
