package org.confide.audit.chain.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the service serves is what the log format hashed: an auditor recomputes every hash from an export. */
class EntryContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of(
                        1L,
                        "e-1",
                        "client.registered",
                        "p1",
                        "practitioner",
                        "c-1",
                        "corr",
                        "{\"n\":1,\"clientId\":\"c-1\"}"),
                Arguments.of(10_000_000L, "e-2", "consent.decided", null, null, null, null, "{}"),
                Arguments.of(
                        123_456_789_012L,
                        "é\"quote\\",
                        "t\u0001ab\tle\n",
                        "ünï €",
                        "𝄞",
                        "c",
                        "x",
                        "{\"b\":{\"z\":1,\"a\":-0.5},\"a\":[1,2.50,true,null,\"s\",1E3]}"),
                Arguments.of(7L, "e-3", "disclosure.raised", "p", "r", "c", "k", "null"),
                Arguments.of((1L << 53) + 2, "e-4", "big", "p", "r", "c", "k", "{\"rule\":\"R-BRK-4\"}"));
    }

    @ParameterizedTest
    @MethodSource("entries")
    @DisplayName("docs/api.md Hashing: SHA-256(prevHash ‖ JCS(served entry)) is the hash the log format gives its row")
    void servedIsHashed(
            long seq,
            String eventId,
            String type,
            String actorId,
            String actorRole,
            String clientId,
            String correlationId,
            String data)
            throws Exception {
        JsonNode parsed = JSON.readTree(data);
        String prev = "ab".repeat(32);
        EntryContent served = new EntryContent(
                seq,
                eventId,
                type,
                "2026-11-22T10:15:00Z",
                "2026-11-22T10:15:01.250Z",
                "org-é",
                actorId,
                actorRole,
                clientId,
                correlationId,
                "records-service",
                parsed);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HEX.parseHex(prev));
        sha.update(CanonicalJson.of(served.toJson()).getBytes(StandardCharsets.UTF_8));
        LogEntry stored = new LogEntry(
                seq,
                eventId,
                type,
                "2026-11-22T10:15:00Z",
                "2026-11-22T10:15:01.250Z",
                "org-é",
                actorId,
                actorRole,
                clientId,
                correlationId,
                "records-service",
                CanonicalJson.of(parsed));
        assertEquals(HEX.formatHex(sha.digest()), new EntryHasher().hash(prev, stored));
    }
}
