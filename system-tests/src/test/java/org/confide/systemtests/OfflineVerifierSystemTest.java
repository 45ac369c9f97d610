package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./confide verify-checkpoint} (the audit-log module's jar) on what the running audit-service signed and served:
 * an outside auditor's check with the saved files and the public key alone (docs/api.md "Hashing").
 */
class OfflineVerifierSystemTest {

    private static final int CLIENTS = 3;

    @TempDir
    Path dir;

    private record Run(int status, String out) {}

    private static RequestSpecification compliance(String audit, String org) {
        return given().baseUri(audit).auth().oauth2(Tokens.token("compliance", org, "auditor"));
    }

    private static Run confide(String... args) throws Exception {
        Path root = Path.of(System.getProperty("confide.root", ".."))
                .toAbsolutePath()
                .normalize();
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("confide").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "./confide verify-checkpoint did not finish");
        return new Run(p.exitValue(), out);
    }

    @Test
    @DisplayName(
            "docs/api.md Hashing: a checkpoint and a proof saved from audit-service verify offline with the trusted key; an altered proof or another key fails")
    void verifiesWhatTheServiceSigned() throws Exception {
        RunningSystem system = RunningSystem.get();
        String audit = system.url("audit-service");
        String org = "sys-offline-" + UUID.randomUUID();
        for (int i = 0; i < CLIENTS; i++) {
            given().baseUri(system.url("records-service"))
                    .auth()
                    .oauth2(Tokens.token("practitioner", org, "prac-1"))
                    .contentType(ContentType.JSON)
                    .body("{\"identity\":{\"fullName\":\"Offline " + i
                            + "\",\"email\":\"x@example.org\"},\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                    .post("/clients")
                    .then()
                    .statusCode(201);
        }
        // The checkpoint that covers the whole log of the organisation (a new entry is covered within 10 s).
        String checkpoint = null;
        long size = 0;
        long deadline = System.currentTimeMillis() + 90_000;
        while (checkpoint == null && System.currentTimeMillis() < deadline) {
            long head = compliance(audit, org)
                    .get("/audit/verify")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<Number>path("headSeq")
                    .longValue();
            Response latest = compliance(audit, org).get("/audit/checkpoints/latest");
            if (head >= CLIENTS
                    && latest.statusCode() == 200
                    && latest.jsonPath().getLong("treeSize") == head) {
                checkpoint = latest.asString();
                size = head;
            } else {
                Thread.sleep(300);
            }
        }
        assertTrue(checkpoint != null, "no checkpoint covered the organisation's log in time");
        String proof = compliance(audit, org)
                .get("/audit/entries/2/proof")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Path cp = Files.writeString(dir.resolve("checkpoint.json"), checkpoint);
        Path p2 = Files.writeString(dir.resolve("proof-2.json"), proof);
        // The trusted key, from the signing key file the service was given (never from the served checkpoint).
        byte[] seed = SignedNote.parseSignerKeySeed(Files.readString(system.auditSigningKey));
        String trusted = SignedNote.verifierKey(
                        CheckpointText.origin(org),
                        Ed25519Keys.raw(Ed25519Keys.fromSeed(seed).getPublic()))
                .encoded();

        Run ok = confide("verify-checkpoint", cp.toString(), "--key", trusted, p2.toString());
        assertEquals(0, ok.status(), ok.out());
        assertTrue(ok.out().contains("OK checkpoint confide/" + org + " size " + size), ok.out());
        assertTrue(ok.out().contains("OK entry 2 "), ok.out());

        String firstHash = proof.replaceFirst("(?s).*\"hashes\":\\[\"([0-9a-f]{64})\".*", "$1");
        assertEquals(64, firstHash.length(), proof);
        String flipped = (firstHash.charAt(0) == 'a' ? "b" : "a") + firstHash.substring(1);
        Path altered = Files.writeString(dir.resolve("altered-2.json"), proof.replace(firstHash, flipped));
        Run bad = confide("verify-checkpoint", cp.toString(), "--key", trusted, altered.toString());
        assertEquals(1, bad.status(), bad.out());
        assertTrue(bad.out().contains("FAIL entry 2"), bad.out());

        String other = SignedNote.verifierKey(
                        CheckpointText.origin(org),
                        Ed25519Keys.raw(
                                Ed25519Keys.fromSeed(Ed25519Keys.newSeed()).getPublic()))
                .encoded();
        Run forged = confide("verify-checkpoint", cp.toString(), "--key", other, p2.toString());
        assertEquals(1, forged.status(), forged.out());
        assertTrue(forged.out().contains("FAIL checkpoint"), forged.out());
    }
}
