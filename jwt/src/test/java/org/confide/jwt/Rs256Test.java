package org.confide.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rs256Test {

    private static final KeyPair PAIR = Rs256.newKeyPair();

    @Test
    @DisplayName("a token is header.claims.signature, RS256 over the first two parts, verifiable with the public key")
    void signsAndVerifies() throws Exception {
        String jwt = Rs256.sign(
                PAIR.getPrivate(),
                "k1",
                Rs256.claims(
                        "https://confide.local",
                        "alice",
                        "manager",
                        "org-1",
                        Instant.ofEpochSecond(1000),
                        Duration.ofSeconds(60)));
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", decode(parts[0]));
        assertEquals(
                "{\"iss\":\"https://confide.local\",\"sub\":\"alice\",\"upn\":\"alice\",\"groups\":[\"manager\"],"
                        + "\"org\":\"org-1\",\"iat\":1000,\"exp\":1060}",
                decode(parts[1]));
        assertTrue(verifies(PAIR.getPublic(), jwt));
        assertFalse(verifies(Rs256.newKeyPair().getPublic(), jwt), "another key does not verify it");
        assertFalse(
                verifies(PAIR.getPublic(), parts[0] + "." + parts[1].substring(1) + "." + parts[2]),
                "changed claims do not verify");
    }

    @Test
    @DisplayName("no kid without a key id; no org claim when org is null; nested claims and escapes are JSON")
    void claimShapes() {
        Map<String, Object> claims =
                Rs256.claims("i", "s\"\\\n\u0001", "client", null, Instant.ofEpochSecond(0), Duration.ZERO);
        claims.remove("groups");
        claims.put("realm_access", Map.of("roles", List.of("client")));
        claims.put("ok", true);
        String[] parts = Rs256.sign(PAIR.getPrivate(), null, claims).split("\\.");
        assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", decode(parts[0]));
        assertEquals(
                "{\"iss\":\"i\",\"sub\":\"s\\\"\\\\\\n\\u0001\",\"upn\":\"s\\\"\\\\\\n\\u0001\",\"iat\":0,\"exp\":0,"
                        + "\"realm_access\":{\"roles\":[\"client\"]},\"ok\":true}",
                decode(parts[1]));
        assertThrows(
                IllegalArgumentException.class, () -> Rs256.sign(PAIR.getPrivate(), null, Map.of("x", new Object())));
    }

    @Test
    @DisplayName("PEM round trip: what pem() writes, privateKey() and publicKey() read; a bad file is named")
    void pemRoundTrip(@TempDir Path dir) throws Exception {
        String priv = Rs256.pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
        String pub = Rs256.pem("PUBLIC KEY", PAIR.getPublic().getEncoded());
        assertTrue(priv.startsWith("-----BEGIN PRIVATE KEY-----\n") && priv.endsWith("-----END PRIVATE KEY-----\n"));
        assertTrue(priv.lines().allMatch(l -> l.length() <= 64));
        String jwt = Rs256.sign(Rs256.privateKey(priv), null, Map.of("sub", "x"));
        assertTrue(verifies(Rs256.publicKey(pub), jwt));
        Path bad = Files.writeString(dir.resolve("nonsense.pem"), "not a key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Rs256.readPrivateKey(bad));
        assertTrue(e.getMessage().contains("nonsense.pem"), e.getMessage());
    }

    @Test
    @DisplayName("LocalKeys gen makes the pair once, the private key readable by its owner only; its tokens verify")
    void localKeys(@TempDir Path dir) throws Exception {
        LocalKeys.gen(dir);
        String first = Files.readString(dir.resolve("privateKey.pem"));
        LocalKeys.gen(dir);
        assertEquals(first, Files.readString(dir.resolve("privateKey.pem")), "an existing key is kept");
        var perms = Files.getPosixFilePermissions(dir.resolve("privateKey.pem"));
        assertTrue(perms.contains(PosixFilePermission.OWNER_READ), perms.toString());
        assertFalse(
                perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ),
                perms.toString());
        PublicKey pub = Rs256.publicKey(Files.readString(dir.resolve("publicKey.pem")));
        String jwt = Rs256.sign(Rs256.readPrivateKey(dir.resolve("privateKey.pem")), null, Map.of("sub", "x"));
        assertTrue(verifies(pub, jwt));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static boolean verifies(PublicKey key, String jwt) throws Exception {
        int dot = jwt.lastIndexOf('.');
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(jwt.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(jwt.substring(dot + 1)));
    }
}
