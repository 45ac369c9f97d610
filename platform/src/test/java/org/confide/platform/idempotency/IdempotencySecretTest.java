package org.confide.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencySecretTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    @DisplayName("the secret is base64 of at least 32 bytes, given directly or in a file")
    void loads(@TempDir Path dir) throws Exception {
        String b64 = Base64.getEncoder().encodeToString(KEY);
        assertArrayEquals(KEY, IdempotencySecret.load(b64));
        Path file = dir.resolve("idempotency.key");
        Files.writeString(file, b64 + "\n");
        assertArrayEquals(KEY, IdempotencySecret.load(file.toString()));
    }

    @Test
    @DisplayName("a missing, short or unreadable secret is refused, naming CONFIDE_IDEMPOTENCY_SECRET")
    void refuses(@TempDir Path dir) {
        for (String bad : new String[] {
            null,
            " ",
            Base64.getEncoder().encodeToString(new byte[16]),
            "not base64!",
            dir.resolve("absent.key").toString()
        }) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> IdempotencySecret.load(bad));
            assertTrue(e.getMessage().contains(IdempotencySecret.ENV), e.getMessage());
        }
    }

    @Test
    @DisplayName("the request hash is keyed: another secret, route or body gives another hash")
    void keyed() {
        IdempotencySecret a = secret(KEY);
        IdempotencySecret b = secret("another-secret-of-thirty-two-byte".getBytes());
        byte[] body = "{\"fullName\":\"Sam Jones\"}".getBytes();
        assertArrayEquals(a.mac("POST /clients", body), a.mac("POST /clients", body));
        assertFalse(java.util.Arrays.equals(a.mac("POST /clients", body), b.mac("POST /clients", body)));
        assertFalse(java.util.Arrays.equals(a.mac("POST /clients", body), a.mac("POST /referrals", body)));
        assertFalse(java.util.Arrays.equals(a.mac("POST /clients", body), a.mac("POST /clients", "{}".getBytes())));
    }

    private static IdempotencySecret secret(byte[] key) {
        IdempotencySecret s = new IdempotencySecret();
        s.configured = java.util.Optional.of(Base64.getEncoder().encodeToString(key));
        return s;
    }
}
