package org.confide.records.crypto;

import static org.confide.records.Fixtures.client;
import static org.confide.records.Fixtures.rows;
import static org.confide.records.Fixtures.vaultKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EncryptionAtRestTest {

    @Test
    @DisplayName("crypto-shredding: the stored identity is ciphertext under the client's own key, never plaintext")
    void identityIsNotPlaintext() {
        String a = client("prac-crypto");
        String b = client("prac-crypto");
        byte[] identity = (byte[]) rows("select identity from client where id = ?1", UUID.fromString(a))
                .getFirst()[0];
        byte[] otherIdentity = (byte[]) rows("select identity from client where id = ?1", UUID.fromString(b))
                .getFirst()[0];
        assertNotNull(identity);
        assertNotNull(vaultKey(a), "the client's key is in the key vault");
        String asText = new String(identity, StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {"Sam Jones", "Jones", "sam@example.org", "1990-02-03", "7700", "fullName"}) {
            assertFalse(asText.contains(secret), "stored identity holds " + secret);
            assertFalse(
                    HexFormat.of().formatHex(identity).contains(HexFormat.of().formatHex(secret.getBytes())));
        }
        assertFalse(java.util.Arrays.equals(vaultKey(a), vaultKey(b)), "each client has a key of its own");
        assertFalse(java.util.Arrays.equals(identity, otherIdentity), "same identity, different ciphertext");
        assertEquals(
                0,
                rows("select id from client where cast(identity as text) like '%Jones%'")
                        .size());
    }
}
