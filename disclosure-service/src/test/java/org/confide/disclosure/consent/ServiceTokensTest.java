package org.confide.disclosure.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.confide.jwt.Rs256;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTokensTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName(
            "a service token is RS256-signed by the configured key, groups [service], the caller's org, one minute")
    void mint(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("privateKey.pem");
        Files.writeString(key, resource("confide-test/privateKey.pem"));
        String jwt =
                new ServiceTokens(ServiceTokens.load(key), Tokens.ISSUER, "disclosure-service", CLOCK).mint("org-7");
        String[] parts = jwt.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "signed by the key consent-service trusts");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("org-7", claims.get("org").asText());
        assertEquals("service", claims.get("groups").get(0).asText());
        assertEquals("disclosure-service", claims.get("sub").asText());
        assertEquals(Tokens.ISSUER, claims.get("iss").asText());
        assertEquals(
                CLOCK.instant().getEpochSecond(), claims.get("iat").asLong(), "issued at the injected clock's time");
        assertEquals(60, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    @DisplayName("an unreadable key is refused at start, naming the file")
    void badKey(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("nonsense.pem");
        Files.writeString(key, "not a key");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceTokens.load(key));
        assertTrue(e.getMessage().contains("nonsense.pem"));
    }

    private static PublicKey publicKey() throws Exception {
        return Rs256.publicKey(Tokens.publicKeyPem());
    }

    private static String resource(String name) throws Exception {
        try (var in = ServiceTokensTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
