package org.confide.audit.checkpoint.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "a production start without the signing key file stops and names CONFIDE_AUDIT_SIGNING_KEY; it makes no key")
    void productionNeverMakesAKey() {
        Path file = dir.resolve("keys/audit-signing.key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SigningKey.readOrCreate(file, false));
        assertTrue(e.getMessage().contains("CONFIDE_AUDIT_SIGNING_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(Files.exists(file.getParent()), "nothing written");
    }

    @Test
    @DisplayName(
            "a key made in dev or tests is readable by its owner only (file 0600, folder 0700), and read back the same")
    void madeKeyIsPrivate() throws Exception {
        Path file = dir.resolve("keys/audit-signing.key");
        byte[] seed = SigningKey.readOrCreate(file, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(Files.readString(file).startsWith("PRIVATE+KEY+confide-audit+"));
        assertArrayEquals(seed, SigningKey.readOrCreate(file, false), "an existing key is read, never replaced");
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the key");
        }
    }
}
