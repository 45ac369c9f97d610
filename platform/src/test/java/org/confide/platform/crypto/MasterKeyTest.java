package org.confide.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private static final String V = "CONFIDE_RECORDS_MASTER_KEY";

    @Test
    @DisplayName("without a master key the service refuses to start, saying which variable to set and how")
    void missing() {
        for (String v : new String[] {null, "", "  "}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> MasterKey.load(V, v));
            assertTrue(e.getMessage().contains("CONFIDE_RECORDS_MASTER_KEY is not set"), e.getMessage());
        }
    }

    @Test
    @DisplayName("the key is 32 bytes in base64, given directly or as the path of a file holding it")
    void forms() throws Exception {
        byte[] key = FieldCipher.newKey();
        String b64 = Base64.getEncoder().encodeToString(key);
        assertArrayEquals(key, MasterKey.load(V, b64));
        Path file = Files.createTempFile("master", ".key");
        Files.writeString(file, b64 + "\n");
        assertArrayEquals(key, MasterKey.load(V, file.toString()));
        byte[] slash = FieldCipher.newKey();
        slash[0] = (byte) 0xFF; // its base64 begins with '/', like a path, and is still a key
        assertTrue(Base64.getEncoder().encodeToString(slash).startsWith("/"));
        assertArrayEquals(slash, MasterKey.load(V, Base64.getEncoder().encodeToString(slash)));
        assertTrue(assertThrows(IllegalStateException.class, () -> MasterKey.load(V, "c2hvcnQ="))
                .getMessage()
                .contains("32 bytes"));
        assertTrue(assertThrows(IllegalStateException.class, () -> MasterKey.load(V, "not base64!!"))
                .getMessage()
                .contains("base64"));
        assertTrue(assertThrows(IllegalStateException.class, () -> MasterKey.load(V, "/no/such/file.key"))
                .getMessage()
                .contains("cannot be read"));
    }

    @Test
    @DisplayName("a sealed field opens only with its key and its own client and field (associated data)")
    void cipher() {
        byte[] key = FieldCipher.newKey();
        byte[] sealed = FieldCipher.seal(key, "Sam Jones".getBytes(), "c1/identity");
        assertEquals("Sam Jones", new String(FieldCipher.open(key, sealed, "c1/identity")));
        assertThrows(FieldCipher.Unreadable.class, () -> FieldCipher.open(key, sealed, "c2/identity"));
        assertThrows(FieldCipher.Unreadable.class, () -> FieldCipher.open(FieldCipher.newKey(), sealed, "c1/identity"));
        assertThrows(FieldCipher.Unreadable.class, () -> FieldCipher.open(null, sealed, "c1/identity"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(FieldCipher.Unreadable.class, () -> FieldCipher.open(key, sealed, "c1/identity"));
    }
}
