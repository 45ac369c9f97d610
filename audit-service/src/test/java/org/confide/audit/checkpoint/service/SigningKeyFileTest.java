package org.confide.audit.checkpoint.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.confide.auditlog.checkpoint.Ed25519Keys;
import org.confide.auditlog.checkpoint.SignedNote;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The signing key file with rotation: one key a line, each taking over at its time. */
class SigningKeyFileTest {

    private static final byte[] A = new byte[32];
    private static final byte[] B = filled(2);
    private static final byte[] C = filled(3);

    private static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    private static byte[] pub(byte[] seed) {
        return Ed25519Keys.raw(Ed25519Keys.fromSeed(seed).getPublic());
    }

    @Test
    @DisplayName(
            "keys are ordered by the time they take over (none: the start); a public= line is a retired key without its private half")
    void parses() {
        List<SigningKey.Key> keys = SigningKey.parseKeys("""
                # rotated twice
                from=2027-01-01T00:00:00Z %s
                public=%s

                from=2026-06-01T00:00:00Z %s
                """.formatted(
                        SignedNote.signerKey("confide-audit", C),
                        Base64.getEncoder().encodeToString(pub(A)),
                        SignedNote.signerKey("confide-audit", B)));
        assertEquals(3, keys.size());
        assertArrayEquals(pub(A), keys.get(0).publicKey());
        assertNull(keys.get(0).pair());
        assertEquals(Instant.MIN, keys.get(0).from());
        assertArrayEquals(pub(B), keys.get(1).publicKey());
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"), keys.get(1).from());
        assertArrayEquals(pub(C), keys.get(2).publicKey());
    }

    @Test
    @DisplayName("a file with no key, a bad time or a key that is not Ed25519 is refused")
    void refuses() {
        for (String bad : List.of(
                "",
                "# nothing\n",
                "from=yesterday " + SignedNote.signerKey("confide-audit", A),
                "public=" + Base64.getEncoder().encodeToString(new byte[5]),
                "PRIVATE+KEY+x+00000000+AAAA")) {
            assertThrows(RuntimeException.class, () -> SigningKey.parseKeys(bad), bad);
        }
    }
}
