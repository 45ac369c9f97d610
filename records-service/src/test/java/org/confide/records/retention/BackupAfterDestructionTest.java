package org.confide.records.retention;

import static org.confide.records.Fixtures.as;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.Fixtures.vaultKey;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.confide.platform.crypto.FieldCipher;
import org.confide.records.crypto.ClientKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BackupAfterDestructionTest {

    /** One stored ciphertext of a backup: which field of the client it is, and its bytes. */
    record Copied(String field, byte[] bytes) {}

    @Test
    @DisplayName("R-REC-3: a backup of the records database taken before destruction is unreadable after it")
    void backupIsUnreadable() {
        String org = "org-backup";
        as("admin", org, "adm")
                .body("{\"retentionDays\": 0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);
        String id = RetentionTest.client(org, "prac-b");
        UUID client = UUID.fromString(id);
        as("practitioner", org, "prac-b")
                .body("{\"sessionDate\": \"2026-11-20\", \"kind\": \"SESSION\", \"body\": \"disclosed at session\"}")
                .post("/clients/" + id + "/notes")
                .then()
                .statusCode(201);
        as("practitioner", org, "prac-b")
                .body("{\"recipient\": \"GP surgery\", \"body\": \"please see\"}")
                .post("/clients/" + id + "/letters")
                .then()
                .statusCode(201);
        as("client", org, id)
                .body("{\"text\": \"about my counsellor\"}")
                .post("/me/complaints")
                .then()
                .statusCode(201);
        RetentionTest.cease(org, id);

        // The backup: every ciphertext row of the client, copied out of the records database as a dump would.
        List<Copied> backup = new ArrayList<>();
        backup.add(new Copied("identity", (byte[])
                rows("select identity from client where id = ?1", client).getFirst()[0]));
        for (Object[] r : rows("select body from note where client_id = ?1", client))
            backup.add(new Copied("note.body", (byte[]) r[0]));
        for (Object[] r : rows("select recipient, body from letter where client_id = ?1", client)) {
            backup.add(new Copied("letter.recipient", (byte[]) r[0]));
            backup.add(new Copied("letter.body", (byte[]) r[1]));
        }
        for (Object[] r : rows("select text from complaint where client_id = ?1", client)) {
            backup.add(new Copied("complaint.text", (byte[]) r[0])); // R-COMP-1: the client's words, sealed like notes
        }
        assertEquals(5, backup.size());
        ClientKeys keys = Arc.container().instance(ClientKeys.class).get();
        assertTrue(
                keys.open(client, "identity", backup.getFirst().bytes()).contains("Sam Jones"),
                "before destruction the backup decrypts (so what follows is not vacuous)");
        assertEquals(
                "disclosed at session",
                keys.open(client, "note.body", backup.get(1).bytes()));
        assertNotNull(vaultKey(id));

        as("manager", org, "mgr").post("/retention/run").then().statusCode(200).body("destroyed", contains(id));

        assertNull(vaultKey(id), "the key vault no longer holds the client's key");
        // Restored with the master key still at hand, not one row of the backup decrypts.
        for (Copied c : backup) {
            assertThrows(
                    FieldCipher.Unreadable.class,
                    () -> keys.open(client, c.field(), c.bytes()),
                    c.field() + " of the backup still decrypts");
        }
    }

    @Test
    @DisplayName("R-REC-3: the records database holds no key material: its only binary columns are the ciphertexts")
    void noKeysInTheRecordsDatabase() {
        Set<String> binary = new TreeSet<>();
        for (Object[] r : rows("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema') and data_type = 'bytea'""")) {
            binary.add((String) r[0]);
        }
        assertEquals(
                new TreeSet<>(Set.of(
                        "client.identity",
                        "referral.reason",
                        "note.body",
                        "supervision_note.text",
                        "letter.recipient",
                        "letter.recipient_email",
                        "letter.body",
                        "group_member.alias",
                        "group_session.note",
                        "complaint.text")),
                binary);
        assertEquals(0, rows("""
                select 1 from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                  and (column_name ilike '%wrapped%' or column_name ilike '%data_key%' or table_name ilike '%client_key%')""").size());
    }
}
