package org.confide.audit.tamper;

import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.owner;
import static org.confide.audit.AuditTestSupport.send;
import static org.confide.audit.AuditTestSupport.treeSizeOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.confide.audit.chain.rule.CanonicalJson;
import org.confide.auditlog.tree.MerkleTree;
import org.confide.auditlog.verify.VerifyCheckpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper tests, against the real database, acting as its owner (what an attacker with database
 * access can do: switch the triggers off and change rows). verify catches a changed entry, a deleted middle
 * entry and a cut tail from the chain alone, and a consistent rewrite against a checkpoint handed out earlier.
 */
@QuarkusTest
class TamperTest {

    private static final HexFormat HEX = HexFormat.of();
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    /** Appends n entries to a fresh organisation's chain and waits until a checkpoint covers them. */
    static String log(int n) throws Exception {
        String org = "org-tamper-" + UUID.randomUUID();
        append(org, n);
        return org;
    }

    static void append(String org, int n) throws Exception {
        long before = treeSizeOf(org);
        for (int i = 0; i < n; i++) {
            String client = UUID.randomUUID().toString();
            send(
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
                            "corr-" + i,
                            "{\"clientId\":\"" + client + "\",\"purposeOfUse\":\"CARE\"}"));
        }
        await("a checkpoint over " + (before + n) + " entries", () -> treeSizeOf(org) == before + n);
    }

    /** Runs statements as the database owner with the log's guards switched off, as an attacker would. */
    static void asAttacker(String... sql) throws Exception {
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            st.execute("ALTER TABLE checkpoint DISABLE TRIGGER USER");
            try {
                for (String s : sql) st.execute(s);
            } finally {
                st.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
                st.execute("ALTER TABLE checkpoint ENABLE TRIGGER USER");
            }
        }
    }

    @Test
    @DisplayName("tamper: one entry's data changed -> verify names that entry")
    void changedData() throws Exception {
        String org = log(5);
        asAttacker("UPDATE audit_entry SET data = '{\"clientId\":\"someone-else\"}' WHERE org = '" + org
                + "' AND seq = 3");
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("headSeq", equalTo(2));
    }

    @Test
    @DisplayName("tamper: an entry in the middle deleted -> verify names the missing seq")
    void deletedMiddle() throws Exception {
        String org = log(5);
        asAttacker("DELETE FROM audit_entry WHERE org = '" + org + "' AND seq = 3");
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("headSeq", equalTo(2));
    }

    @Test
    @DisplayName(
            "tamper: the tail cut -> verify names the first missing seq (chain head); with the head rewound too, the checkpoint still does")
    void cutTail() throws Exception {
        String org = log(5);
        asAttacker("DELETE FROM audit_entry WHERE org = '" + org + "' AND seq >= 4");
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(4))
                .body("headSeq", equalTo(3))
                .body("reason", containsString("chain head"));
        asAttacker("UPDATE chain_head SET seq = 3, hash = (SELECT hash FROM audit_entry WHERE org = '" + org
                + "' AND seq = 3) WHERE org = '" + org + "'");
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                // The first checkpoint past the cut names it (4 or 5: one may have been signed at 4 on a timer).
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(4))
                .body("reason", containsString("covers entries the log no longer has"));
    }

    @Test
    @DisplayName(
            "tamper: the chain rewritten consistently from seq 3 -> verify names seq 3 against the checkpoint; with every checkpoint erased, the checkpoint handed out earlier still exposes it offline")
    void consistentRewrite() throws Exception {
        String org = log(2);
        append(org, 3);
        String saved = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String savedRoot = mapper.readTree(saved).get("rootHash").asText();
        String vkey = mapper.readTree(saved).get("publicKey").asText();

        rewriteFrom(org, 3);
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("headSeq", equalTo(2))
                .body("reason", startsWith("checkpoint "));

        // The attacker erases the tree and every checkpoint; the service signs the rewritten log afresh.
        asAttacker(
                "DELETE FROM checkpoint WHERE org = '" + org + "'",
                "DELETE FROM merkle_node WHERE org = '" + org + "'",
                "DELETE FROM merkle_tree WHERE org = '" + org + "'");
        await("a new checkpoint of the rewritten log", () -> treeSizeOf(org) == 5);
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true)); // nothing left inside to compare with
        String newRoot = compliance(org)
                .get("/audit/checkpoints/latest")
                .then()
                .extract()
                .path("rootHash");
        assertNotEquals(savedRoot, newRoot);

        // Outside: the saved checkpoint is genuine, the log's entry 3 is no longer in the tree it signed.
        Path cp = Files.writeString(dir.resolve("checkpoint.json"), saved);
        Path proof = Files.writeString(
                dir.resolve("proof-3.json"),
                compliance(org)
                        .get("/audit/entries/3/proof")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(0, offline(cp.toString(), "--key", vkey), "the saved checkpoint verifies with the key");
        assertEquals(1, offline(cp.toString(), "--key", vkey, proof.toString()), "entry 3 is not in the signed tree");
        String export = compliance(org).get("/audit/export?format=jsonl").asString();
        List<byte[]> leaves = export.lines()
                .map(l -> MerkleTree.leafHash(HEX.parseHex(read(l).get("hash").asText())))
                .toList();
        assertNotEquals(savedRoot, HEX.formatHex(MerkleTree.root(leaves)), "the export no longer has the signed root");
    }

    /** Changes every entry from {@code fromSeq} on and recomputes every hash and link, and the chain head. */
    private void rewriteFrom(String org, int fromSeq) throws Exception {
        List<ObjectNode> entries = new ArrayList<>();
        compliance(org).get("/audit/export?format=jsonl").asString().lines().forEach(l -> entries.add(read(l)));
        String prev = entries.get(fromSeq - 2).get("hash").asText();
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_entry DISABLE TRIGGER USER");
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_entry SET data = ?, prev_hash = ?, hash = ? WHERE org = ? AND seq = ?")) {
                for (ObjectNode e : entries.subList(fromSeq - 1, entries.size())) {
                    ((ObjectNode) e.get("data")).put("clientId", "someone-else");
                    e.remove("hash");
                    e.remove("prevHash");
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    sha.update(HEX.parseHex(prev));
                    sha.update(CanonicalJson.of(e).getBytes(StandardCharsets.UTF_8));
                    String hash = HEX.formatHex(sha.digest());
                    ps.setString(1, CanonicalJson.of(e.get("data")));
                    ps.setString(2, prev);
                    ps.setString(3, hash);
                    ps.setString(4, org);
                    ps.setLong(5, e.get("seq").asLong());
                    assertEquals(1, ps.executeUpdate());
                    prev = hash;
                }
            } finally {
                st.execute("ALTER TABLE audit_entry ENABLE TRIGGER USER");
            }
            st.execute("UPDATE chain_head SET hash = '" + prev + "' WHERE org = '" + org + "'");
        }
        // The rewrite is consistent: verify is refused by a checkpoint past entry 2, not by the chain (whose refusal
        // names an entry); a timer may have signed one at 3 or 4 as the entries arrived.
        compliance(org)
                .get("/audit/verify?fromSeq=1&toSeq=5")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("reason", startsWith("checkpoint "));
    }

    private int offline(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return VerifyCheckpoint.run(args, out, out);
    }

    private ObjectNode read(String line) {
        try {
            return (ObjectNode) mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
