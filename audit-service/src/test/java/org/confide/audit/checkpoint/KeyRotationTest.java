package org.confide.audit.checkpoint;

import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.tamper.Attacker.asAttacker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.proof.ConsistencyProof;
import org.confide.auditlog.verify.VerifyCheckpoint;
import org.confide.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, key rotation: a key added to the signing key file with a time takes over then, without a restart; every
 * checkpoint names its key; GET /audit/keys lists current, retired and next keys; verify, the consistency proofs and
 * the offline verifier accept a log signed by a sequence of keys, and a retired key signing again is refused.
 */
@QuarkusTest
class KeyRotationTest {

    private static final HexFormat HEX = HexFormat.of();

    @ConfigProperty(name = "confide.audit.signing-key")
    String keyFile;

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "a key added with a time takes over; both stay trusted, in order; GET /audit/keys lists them; a retired key never signs again")
    void rotation() throws Exception {
        String org = "org-rot-" + UUID.randomUUID();
        CheckpointTest.sendMany(org, 2);
        JsonPath cp1 = ConsistencyTest.checkpointAt(org, 2);
        String key1 = cp1.getString("keyId");
        assertEquals(key1, cp1.getString("publicKey").split("\\+")[1], "the checkpoint names the key that signed it");
        assertTrue(
                cp1.getString("note")
                        .contains(" "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(HEX.parseHex(key1))
                                        .substring(0, 4)),
                "the note's signature line opens with the key hash");

        byte[] seed2 = Ed25519Keys.newSeed();
        byte[] seed3 = Ed25519Keys.newSeed();
        Files.writeString(
                Path.of(keyFile),
                "from=" + Instant.now().minusSeconds(1) + " " + SignedNote.signerKey("confide-audit", seed2) + "\nfrom="
                        + Instant.now().plusSeconds(86_400) + " " + SignedNote.signerKey("confide-audit", seed3) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        String origin = CheckpointText.origin(org);
        String key2 = HEX.formatHex(SignedNote.keyId(
                origin, Ed25519Keys.raw(Ed25519Keys.fromSeed(seed2).getPublic())));
        String key3 = HEX.formatHex(SignedNote.keyId(
                origin, Ed25519Keys.raw(Ed25519Keys.fromSeed(seed3).getPublic())));

        CheckpointTest.sendMany(org, 2);
        JsonPath cp2 = ConsistencyTest.checkpointAt(org, 4);
        assertEquals(key2, cp2.getString("keyId"), "the new key signs from its time on");

        List<Map<String, Object>> keys = compliance(org)
                .get("/audit/keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertEquals(
                List.of("RETIRED", "CURRENT", "NEXT"),
                keys.stream()
                        .filter(k -> List.of(key1, key2, key3).contains(k.get("keyId")))
                        .map(k -> k.get("status"))
                        .toList());
        Map<String, Object> current = keys.stream()
                .filter(k -> k.get("keyId").equals(key2))
                .findFirst()
                .orElseThrow();
        assertEquals(cp2.getString("publicKey"), current.get("publicKey"));
        String vkey1 = (String) keys.stream()
                .filter(k -> k.get("keyId").equals(key1))
                .findFirst()
                .orElseThrow()
                .get("publicKey");
        String vkey2 = (String) current.get("publicKey");

        compliance(org)
                .get("/audit/verify?full=true")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("checkpointsChecked", greaterThanOrEqualTo(2));
        JsonPath proof = compliance(org)
                .get("/audit/checkpoints/consistency?from=2&to=4")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(ConsistencyProof.verify(
                2,
                4,
                HEX.parseHex(cp1.getString("rootHash")),
                HEX.parseHex(cp2.getString("rootHash")),
                proof.getList("hashes", String.class).stream()
                        .map(HEX::parseHex)
                        .toList()));

        Path saved1 = Files.writeString(dir.resolve("cp1.json"), cp1.prettify());
        Path saved2 = Files.writeString(dir.resolve("cp2.json"), cp2.prettify());
        assertEquals(
                1, offline(saved2.toString(), "--key", vkey1), "the old key alone does not open the new checkpoint");
        assertEquals(0, offline(saved2.toString(), "--key", vkey1, "--key", vkey2));
        assertEquals(0, offline(saved1.toString(), "--key", vkey1, "--key", vkey2));

        RestAssured.given().get("/audit/keys").then().statusCode(401);
        RestAssured.given()
                .auth()
                .oauth2(Tokens.token("manager", org, "m"))
                .get("/audit/keys")
                .then()
                .statusCode(403);

        // After checkpoint 4 (new key), the retired key (still in the file) signs checkpoint 6: verify refuses it,
        // though the signature itself is good.
        CheckpointTest.sendMany(org, 2);
        JsonPath cp3 = ConsistencyTest.checkpointAt(org, 6);
        KeyPair retired = Ed25519Keys.fromSeed(SignedNote.parseSignerKeySeed(
                Files.readAllLines(Path.of(keyFile)).getFirst()));
        String text = new CheckpointText(origin, 6, HEX.parseHex(cp3.getString("rootHash"))).text();
        asAttacker("UPDATE checkpoint SET note = '" + SignedNote.sign(text, origin, retired) + "' WHERE org = '" + org
                + "' AND tree_size = 6");
        compliance(org)
                .get("/audit/verify?full=true")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("reason", containsString("checkpoint 6 is signed with key " + key1))
                .body("reason", containsString("retired before key " + key2));
        assertNotEquals(key1, key2);
    }

    private static int offline(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return VerifyCheckpoint.run(args, out, out);
    }
}
