package org.confide.auditlog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.confide.auditlog.jcs.Jcs;
import org.confide.auditlog.jcs.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryHasherTest {

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
                        "{\"clientId\":\"c-1\",\"n\":1}"),
                Arguments.of(10_000_000L, "e-2", "consent.decided", null, null, null, null, "{}"),
                Arguments.of(
                        123_456_789_012L,
                        "é\"quote\\",
                        "t\u0001ab\tle\n",
                        "ünï €",
                        "𝄞",
                        "c",
                        "x",
                        "{\"a\":[1,2.5,true,null,\"s\"],\"b\":{\"z\":1,\"a\":-0.5}}"),
                Arguments.of(7L, "e-3", "disclosure.raised", "p", "r", "c", "k", "null"),
                Arguments.of((1L << 53) + 2, "e-4", "big", "p", "r", "c", "k", "{\"rule\":\"R-BRK-4\"}"));
    }

    /** docs/api.md "Hashing" written out: SHA-256(prevHash bytes ‖ UTF-8 JCS of the whole entry object). */
    private static String byTheSpec(String prevHex, LogEntry e, Object data) throws Exception {
        Map<String, Object> actor = new HashMap<>();
        actor.put("id", e.actorId());
        actor.put("role", e.actorRole());
        Map<String, Object> o = new HashMap<>();
        o.put("seq", e.seq());
        o.put("eventId", e.eventId());
        o.put("type", e.type());
        o.put("occurredAt", e.occurredAt());
        o.put("recordedAt", e.recordedAt());
        o.put("org", e.org());
        o.put("actor", actor);
        o.put("clientId", e.clientId());
        o.put("correlationId", e.correlationId());
        o.put("source", e.source());
        o.put("data", data);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(HEX.parseHex(prevHex));
        sha.update(Jcs.canonicalize(o).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha.digest());
    }

    @ParameterizedTest
    @MethodSource("entries")
    @DisplayName("docs/api.md Hashing: an entry hashes to SHA-256(prevHash ‖ JCS(entry without prevHash and hash))")
    void sameAsCanonical(
            long seq,
            String eventId,
            String type,
            String actorId,
            String actorRole,
            String clientId,
            String correlationId,
            String data)
            throws Exception {
        Object parsed = Json.parse(data);
        String prev = "ab".repeat(32);
        LogEntry entry = new LogEntry(
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
                Jcs.canonicalize(parsed));
        assertEquals(byTheSpec(prev, entry, parsed), new EntryHasher().hash(prev, entry));
    }

    @Test
    @DisplayName("docs/api.md Hashing: an organisation's first entry follows 32 zero bytes")
    void genesis() throws Exception {
        LogEntry first = new LogEntry(1, "e", "t", "a", "b", "o", null, null, null, null, "s", null);
        assertEquals(byTheSpec("00".repeat(32), first, null), new EntryHasher().hash(EntryHasher.GENESIS, first));
    }

    @Test
    @DisplayName("tamper evidence: stored data rewritten into equivalent but non-canonical JSON no longer matches")
    void rewrittenDataDoesNotMatch() {
        EntryHasher h = new EntryHasher();
        LogEntry canonical = new LogEntry(1, "e", "t", "a", "b", "o", null, null, null, null, "s", "{\"a\":1,\"b\":2}");
        LogEntry rewritten = new LogEntry(1, "e", "t", "a", "b", "o", null, null, null, null, "s", "{\"b\":2,\"a\":1}");
        assertNotEquals(h.hash(EntryHasher.GENESIS, canonical), h.hash(EntryHasher.GENESIS, rewritten));
    }
}
