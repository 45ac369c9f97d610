package org.confide.audit.verify.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.KeyPair;
import java.util.List;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerifiedNoteTest {

    private static final KeyPair KEY = Ed25519Keys.fromSeed(new byte[32]);
    private static final KeyPair OTHER = Ed25519Keys.fromSeed(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32
    });
    private static final VerifiedNote RECORD = new VerifiedNote("org-a", 42, new byte[32], "ab".repeat(32));

    private static String signed(VerifiedNote r, KeyPair k) {
        return SignedNote.sign(r.text(), VerifiedNote.name(r.org()), k);
    }

    @Test
    @DisplayName("a verify record opens with a trusted key only, for its own organisation, unchanged")
    void opens() {
        List<byte[]> trusted = List.of(Ed25519Keys.raw(OTHER.getPublic()), Ed25519Keys.raw(KEY.getPublic()));
        VerifiedNote opened = VerifiedNote.open("org-a", signed(RECORD, KEY), trusted);
        assertNotNull(opened);
        assertEquals(42, opened.treeSize());
        assertEquals("ab".repeat(32), opened.entryHash());
        assertNull(
                VerifiedNote.open("org-a", signed(RECORD, KEY), List.of(Ed25519Keys.raw(OTHER.getPublic()))),
                "untrusted key");
        assertNull(VerifiedNote.open("org-b", signed(RECORD, KEY), trusted), "another organisation");
        assertNull(
                VerifiedNote.open("org-a", signed(RECORD, KEY).replace("\n42\n", "\n43\n"), trusted), "size changed");
    }

    @Test
    @DisplayName("a record is never a checkpoint, and a checkpoint never a record: the first lines differ")
    void domainSeparated() {
        String origin = CheckpointText.origin("org-a");
        String checkpoint = SignedNote.sign(new CheckpointText(origin, 42, new byte[32]).text(), origin, KEY);
        assertNull(VerifiedNote.open("org-a", checkpoint, List.of(Ed25519Keys.raw(KEY.getPublic()))));
        assertNull(
                SignedNote.open(signed(RECORD, KEY), SignedNote.verifierKey(origin, Ed25519Keys.raw(KEY.getPublic()))));
        assertNull(
                CheckpointText.parse(RECORD.text()) == null
                        ? null
                        : CheckpointText.parse(RECORD.text()).origin().equals(origin)
                                ? "passes for a checkpoint"
                                : null);
    }
}
