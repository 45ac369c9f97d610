package org.confide.audit.tamper;

import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.flush;
import static org.confide.audit.AuditTestSupport.owner;
import static org.confide.audit.AuditTestSupport.sendAsync;
import static org.confide.audit.AuditTestSupport.treeSizeOf;
import static org.confide.audit.tamper.TamperTest.append;
import static org.confide.audit.tamper.TamperTest.asAttacker;
import static org.confide.audit.tamper.TamperTest.log;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.confide.audit.verify.rule.VerifiedNote;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: verify continues from the last checkpoint it found the log to match (a signed record), and catches every
 * kind of tampering an owner of the database can do, each in the mode that can see it: a reordered or inserted
 * entry, a changed metadata column, an altered or forged checkpoint row, a tampered stored Merkle node, a moved chain
 * head, a forged verify record.
 */
@QuarkusTest
class VerifyTamperTest {

    private static final HexFormat HEX = HexFormat.of();

    private static ValidatableResponse verify(String org, String query) {
        return compliance(org).get("/audit/verify" + query).then().statusCode(200);
    }

    private static String q(String org) {
        return "'" + org + "'";
    }

    @Test
    @DisplayName(
            "verify continues from the last verified checkpoint: a second run reads only the new entries; full=true reads all; a change below the record needs full=true")
    void incremental() throws Exception {
        String org = log(5);
        verify(org, "")
                .body("valid", equalTo(true))
                .body("checked", equalTo(5))
                .body("fromSeq", equalTo(1))
                .body("verifiedTreeSize", equalTo(5));
        append(org, 3);
        verify(org, "")
                .body("valid", equalTo(true))
                .body("checked", equalTo(3))
                .body("fromSeq", equalTo(6))
                .body("checkpointsChecked", equalTo(1))
                .body("verifiedTreeSize", equalTo(8))
                .body("headSeq", equalTo(8));
        verify(org, "")
                .body("valid", equalTo(true))
                .body("checked", equalTo(0))
                .body("fromSeq", equalTo(9))
                .body("headSeq", equalTo(8));
        verify(org, "?full=true")
                .body("valid", equalTo(true))
                .body("checked", equalTo(8))
                .body("fromSeq", equalTo(1));
        compliance(org)
                .get("/audit/verify?full=maybe")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("full"));

        asAttacker("UPDATE audit_entry SET data = '{\"clientId\":\"someone-else\"}' WHERE org = " + q(org)
                + " AND seq = 2");
        verify(org, "").body("valid", equalTo(true)).body("checked", equalTo(0)); // below the record: not read again
        verify(org, "?full=true").body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(2));
    }

    @Test
    @DisplayName("tamper: two entries swapped after the verified checkpoint -> the incremental verify names the first")
    void reordered() throws Exception {
        String org = log(5);
        verify(org, "").body("verifiedTreeSize", equalTo(5));
        append(org, 2);
        asAttacker(
                "UPDATE audit_entry SET seq = -6 WHERE org = " + q(org) + " AND seq = 6",
                "UPDATE audit_entry SET seq = 6 WHERE org = " + q(org) + " AND seq = 7",
                "UPDATE audit_entry SET seq = 7 WHERE org = " + q(org) + " AND seq = -6");
        verify(org, "")
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(6))
                .body("headSeq", equalTo(5));
        verify(org, "?full=true").body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(6));
    }

    @Test
    @DisplayName(
            "tamper: an entry inserted past the chain head, hashed and linked correctly -> verify names it; one inserted in the middle -> full verify names its seq")
    void inserted() throws Exception {
        String org = log(5);
        verify(org, "").body("valid", equalTo(true));
        String head = entryHash(org, 5);
        insertEntry(org, 6, head);
        verify(org, "")
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(6))
                .body("reason", containsString("beyond its chain head"));

        String other = log(5);
        // Entries 3.. move up one place and a well-formed entry takes seq 3, linked to entry 2.
        asAttacker(
                "UPDATE audit_entry SET seq = -seq - 1 WHERE org = " + q(other) + " AND seq >= 3",
                "UPDATE audit_entry SET seq = -seq WHERE org = " + q(other) + " AND seq < 0",
                "UPDATE chain_head SET seq = 6 WHERE org = " + q(other));
        insertEntry(other, 3, entryHash(other, 2));
        verify(other, "?full=true")
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(4))
                .body("headSeq", equalTo(3));
    }

    @Test
    @DisplayName(
            "tamper: each metadata column of an entry changed -> verify names that entry; put back, the log verifies again")
    void changedMetadata() throws Exception {
        String org = log(4);
        String keep = "tamper_keep_" + UUID.randomUUID().toString().replace("-", "");
        asAttacker("CREATE TABLE " + keep + " AS SELECT * FROM audit_entry WHERE org = " + q(org) + " AND seq = 3");
        try {
            for (String[] change : List.of(
                    new String[] {"type", "'record.deleted'"},
                    new String[] {"actor_id", "'someone'"},
                    new String[] {"actor_role", "'admin'"},
                    new String[] {"client_id", "'other-client'"},
                    new String[] {"correlation_id", "'corr-x'"},
                    new String[] {"source", "'consent-service'"},
                    new String[] {"event_id", "'" + UUID.randomUUID() + "'"},
                    new String[] {"occurred_at", "occurred_at + interval '1 second'"},
                    new String[] {"recorded_at", "recorded_at - interval '1 millisecond'"},
                    new String[] {"data", "'{\"clientId\":\"x\",\"purposeOfUse\":\"CARE\"}'"})) {
                String column = change[0];
                asAttacker("UPDATE audit_entry SET " + column + " = " + change[1] + " WHERE org = " + q(org)
                        + " AND seq = 3");
                verify(org, "?full=true")
                        .body("valid", equalTo(false))
                        .body("firstBrokenSeq", equalTo(3))
                        .body("headSeq", equalTo(2));
                asAttacker("UPDATE audit_entry a SET " + column + " = k." + column + " FROM " + keep + " k"
                        + " WHERE a.org = k.org AND a.seq = k.seq");
                verify(org, "?full=true").body("valid", equalTo(true));
            }
        } finally {
            asAttacker("DROP TABLE " + keep);
        }
    }

    @Test
    @DisplayName(
            "tamper: a checkpoint row altered (root, entry hash, note) or forged with another key -> verify names the checkpoint")
    void alteredOrForgedCheckpoint() throws Exception {
        String org = log(3);
        long size = treeSizeOf(org);
        String where = " WHERE org = " + q(org) + " AND tree_size = " + size;
        String[] saved = checkpointRow(org, size);

        asAttacker("UPDATE checkpoint SET root_hash = '" + "ab".repeat(32) + "'" + where);
        verify(org, "?full=true").body("valid", equalTo(false)).body("reason", containsString("checkpoint " + size));
        asAttacker("UPDATE checkpoint SET root_hash = '" + saved[0] + "'" + where);

        asAttacker("UPDATE checkpoint SET entry_hash = '" + "cd".repeat(32) + "'" + where);
        verify(org, "?full=true")
                .body("valid", equalTo(false))
                .body("reason", containsString("another hash than when it was signed"));
        asAttacker("UPDATE checkpoint SET entry_hash = '" + saved[1] + "'" + where);

        String flipped = saved[2].substring(0, saved[2].length() - 6)
                + (saved[2].charAt(saved[2].length() - 6) == 'A' ? 'B' : 'A')
                + saved[2].substring(saved[2].length() - 5);
        asAttacker("UPDATE checkpoint SET note = '" + flipped + "'" + where);
        verify(org, "?full=true")
                .body("valid", equalTo(false))
                .body("reason", containsString("not signed by the audit signing key"));
        asAttacker("UPDATE checkpoint SET note = '" + saved[2] + "'" + where);
        verify(org, "?full=true").body("valid", equalTo(true));

        // A forged checkpoint at the same size, with the true root, signed by a key the attacker made.
        var attacker = Ed25519Keys.fromSeed(Ed25519Keys.newSeed());
        String origin = CheckpointText.origin(org);
        String text = new CheckpointText(origin, size, HEX.parseHex(saved[0])).text();
        String note = SignedNote.sign(text, origin, attacker);
        asAttacker("UPDATE checkpoint SET note = '" + note + "', public_key = '"
                + SignedNote.verifierKey(origin, Ed25519Keys.raw(attacker.getPublic()))
                        .encoded() + "'" + where);
        verify(org, "?full=true")
                .body("valid", equalTo(false))
                .body("reason", containsString("not signed by the audit signing key"));
    }

    @Test
    @DisplayName(
            "tamper: a stored Merkle node changed or deleted -> the incremental verify finds the tree no longer gives the verified root, full verify names the node")
    void tamperedMerkleNode() throws Exception {
        String org = "org-node-" + UUID.randomUUID();
        for (int i = 0; i < 260; i++) {
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
        await("a checkpoint of 260 entries", () -> treeSizeOf(org) == 260);
        verify(org, "").body("valid", equalTo(true)).body("verifiedTreeSize", equalTo(260));
        asAttacker("UPDATE merkle_node SET hash = sha256(hash) WHERE org = " + q(org) + " AND level = 8 AND idx = 0");
        verify(org, "")
                .body("valid", equalTo(false))
                .body("reason", containsString("stored Merkle tree no longer gives the root"));
        verify(org, "?full=true")
                .body("valid", equalTo(false))
                .body("reason", containsString("level 8, index 0"))
                .body("reason", containsString("changed"));
        asAttacker("DELETE FROM merkle_node WHERE org = " + q(org) + " AND level = 8 AND idx = 0");
        verify(org, "?full=true")
                .body("valid", equalTo(false))
                .body("reason", containsString("level 8, index 0 is missing"));
    }

    @Test
    @DisplayName("tamper: the chain head moved back, to another hash, or forward -> verify says so")
    void movedChainHead() throws Exception {
        String org = log(5);
        verify(org, "").body("valid", equalTo(true));
        String head = entryHash(org, 5);
        asAttacker("UPDATE chain_head SET seq = 4, hash = '" + entryHash(org, 4) + "' WHERE org = " + q(org));
        verify(org, "").body("valid", equalTo(false)).body("reason", containsString("beyond its chain head 4"));
        asAttacker("UPDATE chain_head SET seq = 5, hash = '" + "ef".repeat(32) + "' WHERE org = " + q(org));
        verify(org, "")
                .body("valid", equalTo(false))
                .body("reason", containsString("another hash than entry 5"))
                .body("firstBrokenSeq", equalTo(6));
        asAttacker("UPDATE chain_head SET seq = 6, hash = '" + head + "' WHERE org = " + q(org));
        verify(org, "").body("valid", equalTo(false)).body("reason", containsString("chain head is at 6"));
        asAttacker("UPDATE chain_head SET seq = 5, hash = '" + head + "' WHERE org = " + q(org));
        verify(org, "").body("valid", equalTo(true)).body("firstBrokenSeq", nullValue());
    }

    @Test
    @DisplayName(
            "tamper: the verify record moved forward or re-signed by another key -> verify refuses to continue from it")
    void forgedVerifyRecord() throws Exception {
        String org = log(3);
        verify(org, "").body("valid", equalTo(true)).body("verifiedTreeSize", equalTo(3));
        append(org, 2);
        asAttacker("UPDATE verified_checkpoint SET tree_size = 5 WHERE org = " + q(org));
        verify(org, "")
                .body("valid", equalTo(false))
                .body("reason", containsString("not signed by the audit signing key"));

        var attacker = Ed25519Keys.fromSeed(Ed25519Keys.newSeed());
        String root = checkpointRow(org, treeSizeOf(org))[0];
        var record = new VerifiedNote(org, treeSizeOf(org), HEX.parseHex(root), entryHash(org, treeSizeOf(org)));
        String note = SignedNote.sign(record.text(), VerifiedNote.name(org), attacker);
        asAttacker("UPDATE verified_checkpoint SET tree_size = " + record.treeSize() + ", entry_hash = '"
                + record.entryHash() + "', root_hash = '" + root + "', note = '" + note + "' WHERE org = " + q(org));
        verify(org, "")
                .body("valid", equalTo(false))
                .body("reason", containsString("not signed by the audit signing key"));
        verify(org, "?full=true").body("valid", equalTo(true)).body("checked", equalTo(5));
    }

    private static String entryHash(String org, long seq) throws Exception {
        try (Connection c = owner();
                PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_entry WHERE org = ? AND seq = ?")) {
            ps.setString(1, org);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "entry " + seq);
                return rs.getString(1);
            }
        }
    }

    /** {root_hash, entry_hash, note} of a checkpoint. */
    private static String[] checkpointRow(String org, long size) throws Exception {
        try (Connection c = owner();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT root_hash, entry_hash, note FROM checkpoint WHERE org = ? AND tree_size = ?")) {
            ps.setString(1, org);
            ps.setLong(2, size);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "checkpoint " + size);
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    /** Inserts a well-formed entry at {@code seq} linked to {@code prevHash}, hashed as the service hashes. */
    private static void insertEntry(String org, long seq, String prevHash) throws Exception {
        String at = "2026-11-22T10:15:00.123Z";
        LogEntry e = new LogEntry(
                seq,
                UUID.randomUUID().toString(),
                "record.accessed",
                at,
                at,
                org,
                "prac-9",
                "practitioner",
                "client-x",
                "corr-x",
                "records-service",
                "{\"clientId\":\"client-x\",\"purposeOfUse\":\"CARE\"}");
        String hash = new EntryHasher().hash(prevHash, e);
        asAttacker(
                "INSERT INTO audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id,"
                        + " correlation_id, source, data, prev_hash, hash) VALUES (" + q(org) + ", " + seq + ", '"
                        + e.eventId()
                        + "', 'record.accessed', '" + at + "', '" + at
                        + "', 'prac-9', 'practitioner', 'client-x', 'corr-x',"
                        + " 'records-service', '" + e.data() + "', '" + prevHash + "', '" + hash + "')");
    }
}
