package org.confide.audit.witness;

import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.owner;
import static org.confide.audit.TlogTestSupport.logKeys;
import static org.confide.audit.TlogTestSupport.sendMany;
import static org.confide.audit.tamper.Attacker.asAttacker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.confide.audit.chain.AuditTime;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.checkpoint.Cosignature;
import org.confide.auditlog.monitor.Monitor;
import org.confide.auditlog.verify.VerifyCheckpoint;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: audit-service sends each checkpoint to its witness (a real ./confide witness, started by the test
 * resource) and keeps the cosignature; a monitor follows the log. Then the log is rewritten below the last
 * checkpoint and re-signed with the same key: the witness and the monitor both refuse it, since no consistency proof
 * leads from what they saw to the new checkpoint.
 */
@QuarkusTest
class WitnessMonitorTest {

    private static final HexFormat HEX = HexFormat.of();
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL base;

    @TempDir
    Path dir;

    /** The newest checkpoint once it has {@code size} entries and the witness's cosignature. */
    static JsonPath cosignedAt(String org, int size) throws Exception {
        await("checkpoint " + size + " cosigned", () -> {
            var r = compliance(org).get("/audit/checkpoints/latest");
            return r.statusCode() == 200
                    && r.jsonPath().getLong("treeSize") == size
                    && !r.jsonPath().getList("cosignatures").isEmpty();
        });
        return compliance(org).get("/audit/checkpoints/latest").then().extract().jsonPath();
    }

    private int monitor(String org, Path state, ByteArrayOutputStream sink) {
        List<String> args = new ArrayList<>(List.of(
                "--url",
                base.toString(),
                "--org",
                org,
                "--token",
                Tokens.token("compliance", org, "monitor-1"),
                "--state",
                state.toString()));
        for (String k : logKeys(org)) {
            args.add("--key");
            args.add(k);
        }
        sink.reset();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return Monitor.run(args.toArray(String[]::new), out, out);
    }

    private HttpResponse<String> addCheckpoint(long old, List<String> proofHex, String note) throws Exception {
        StringBuilder body = new StringBuilder("old " + old + "\n");
        for (String h : proofHex)
            body.append(Base64.getEncoder().encodeToString(HEX.parseHex(h))).append('\n');
        body.append('\n').append(note);
        return http.send(
                HttpRequest.newBuilder(URI.create(System.getProperty("confide.test.witness.url") + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName(
            "checkpoints are cosigned by the witness and shown; the monitor follows; a log rewritten below the last checkpoint and re-signed is refused by the witness (422) and the monitor (exit 1)")
    void rewriteIsRefused() throws Exception {
        String org = "org-wit-" + UUID.randomUUID();
        Files.writeString(
                Path.of(System.getProperty("confide.test.witness.logs")),
                String.join("\n", logKeys(org)) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Cosignature.WitnessKey wkey = Cosignature.parseWitnessKey(System.getProperty("confide.test.witness.key"));

        sendMany(org, 3);
        JsonPath cp3 = cosignedAt(org, 3);
        String text3 = cp3.getString("note").substring(0, cp3.getString("note").indexOf("\n\n") + 1);
        assertEquals(
                1,
                Cosignature.verify(text3, cp3.getString("cosignatures[0].line"), List.of(wkey))
                        .size());
        assertEquals(wkey.name(), cp3.getString("cosignatures[0].witness"));
        Path state = dir.resolve("monitor.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, monitor(org, state, out), out.toString());

        sendMany(org, 2);
        JsonPath cp5 = cosignedAt(org, 5);
        assertEquals(0, monitor(org, state, out), out.toString());
        assertTrue(out.toString().contains("grew from 3 to 5"), out.toString());
        Path saved = Files.writeString(dir.resolve("cp5.json"), cp5.prettify());
        // The key that signed it (another test may have rotated the keys: any key of GET /audit/keys may be it).
        String signer = cp5.getString("publicKey");
        assertTrue(logKeys(org).contains(signer));
        assertEquals(0, offline(saved.toString(), "--key", signer, "--witness", wkey.encoded()));
        assertEquals(
                1,
                offline(
                        saved.toString(),
                        "--key",
                        signer,
                        "--witness",
                        Cosignature.witnessKey("witness.test/other", new byte[32])
                                .encoded()),
                "another witness did not cosign");

        // The attacker rewrites entries 2..5 consistently, erases the tree, the checkpoints and their cosignatures;
        // the service signs the rewritten log afresh with the same key.
        rewriteFrom(org, 2);
        await("a new checkpoint of the rewritten log", () -> {
            var r = compliance(org).get("/audit/checkpoints/latest");
            return r.statusCode() == 200
                    && r.jsonPath().getLong("treeSize") == 5
                    && !r.jsonPath().getString("rootHash").equals(cp5.getString("rootHash"));
        });
        JsonPath forged5 = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .extract()
                .jsonPath();
        assertEquals(
                422, addCheckpoint(5, List.of(), forged5.getString("note")).statusCode(), "same size, another root");

        sendMany(org, 2);
        await(
                "checkpoint 7 of the rewritten log",
                () -> compliance(org)
                                .get("/audit/checkpoints/latest")
                                .jsonPath()
                                .getLong("treeSize")
                        == 7);
        JsonPath forged7 = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .extract()
                .jsonPath();
        List<String> proof = compliance(org)
                .get("/audit/checkpoints/consistency?from=5&to=7")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("hashes", String.class);
        HttpResponse<String> refused = addCheckpoint(5, proof, forged7.getString("note"));
        assertEquals(
                422,
                refused.statusCode(),
                "no consistency proof leads from the cosigned 5 to the rewritten 7: " + refused.body());
        assertTrue(
                compliance(org)
                        .get("/audit/checkpoints/latest")
                        .jsonPath()
                        .getList("cosignatures")
                        .isEmpty(),
                "the service kept no cosignature of the rewritten log");
        String witnessed = http.send(
                        HttpRequest.newBuilder(URI.create(System.getProperty("confide.test.witness.url") + "/"
                                        + HEX.formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                                .digest(("confide/" + org).getBytes(StandardCharsets.UTF_8)))
                                        + "/checkpoint"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(witnessed.startsWith(cp5.getString("note")), "the witness still holds the checkpoint it cosigned");

        assertEquals(1, monitor(org, state, out), out.toString());
        assertTrue(out.toString().contains("does not extend checkpoint 5"), out.toString());
        assertTrue(
                out.toString().contains(cp5.getString("note")) && out.toString().contains(forged7.getString("note")),
                "the evidence: both signed checkpoints");
        assertNotEquals(cp5.getString("rootHash"), forged7.getString("rootHash"));
        assertEquals(1, monitor(org, state, out), "the monitor keeps what it saw: it refuses again");
    }

    /** Recomputes every entry from {@code fromSeq} with other data, the chain head, and erases what was signed. */
    private static void rewriteFrom(String org, int fromSeq) throws Exception {
        List<String> sql = new ArrayList<>();
        try (Connection c = owner();
                PreparedStatement ps = c.prepareStatement("""
                SELECT seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id, correlation_id, source,
                       prev_hash FROM audit_entry WHERE org = ? AND seq >= ? ORDER BY seq""")) {
            ps.setString(1, org);
            ps.setLong(2, fromSeq);
            String prev = null;
            EntryHasher hasher = new EntryHasher();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (prev == null) prev = rs.getString(11);
                    String data = "{\"clientId\":\"someone-else\",\"purposeOfUse\":\"CARE\"}";
                    LogEntry e = new LogEntry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            AuditTime.format(rs.getObject(4, OffsetDateTime.class)),
                            AuditTime.format(rs.getObject(5, OffsetDateTime.class)),
                            org,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            data);
                    String hash = hasher.hash(prev, e);
                    sql.add("UPDATE audit_entry SET data = '" + data + "', prev_hash = '" + prev + "', hash = '" + hash
                            + "' WHERE org = '" + org + "' AND seq = " + e.seq());
                    prev = hash;
                }
            }
            sql.add("UPDATE chain_head SET hash = '" + prev + "' WHERE org = '" + org + "'");
        }
        for (String table :
                List.of("checkpoint_cosignature", "checkpoint", "merkle_node", "merkle_tree", "verified_checkpoint")) {
            sql.add("DELETE FROM " + table + " WHERE org = '" + org + "'");
        }
        asAttacker(sql.toArray(String[]::new));
    }

    private static int offline(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return VerifyCheckpoint.run(args, out, out);
    }
}
