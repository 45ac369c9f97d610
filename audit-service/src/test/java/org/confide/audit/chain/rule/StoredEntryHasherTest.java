package org.confide.audit.chain.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoredEntryHasherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of(1L, "e-1", "client.registered", "p1", "practitioner", "c-1", "corr", "{\"clientId\":\"c-1\",\"n\":1}"),
                Arguments.of(10_000_000L, "e-2", "consent.decided", null, null, null, null, "{}"),
                Arguments.of(123_456_789_012L, "é\"quote\\", "t\u0001ab\tle\n", "ünï €", "𝄞", "c", "x", "{\"a\":[1,2.5,true,null,\"s\"],\"b\":{\"z\":1,\"a\":-0.5}}"),
                Arguments.of(7L, "e-3", "disclosure.raised", "p", "r", "c", "k", "null"),
                Arguments.of((1L << 53) + 2, "e-4", "big", "p", "r", "c", "k", "{\"rule\":\"R-BRK-4\"}"));
    }

    @ParameterizedTest
    @MethodSource("entries")
    @DisplayName("docs/api.md Hashing: the stored-row hasher gives exactly the hash of the canonical entry")
    void sameAsCanonical(long seq, String eventId, String type, String actorId, String actorRole, String clientId,
                         String correlationId, String data) throws Exception {
        JsonNode parsed = JSON.readTree(data);
        String canonicalData = Jcs.canonicalize(parsed);
        String prev = "ab".repeat(32);
        EntryContent content = new EntryContent(seq, eventId, type, "2026-11-22T10:15:00Z", "2026-11-22T10:15:01.250Z",
                "org-é", actorId, actorRole, clientId, correlationId, "records-service", parsed);
        StoredEntryHasher.Row row = new StoredEntryHasher.Row(seq, eventId, type, "2026-11-22T10:15:00Z",
                "2026-11-22T10:15:01.250Z", "org-é", actorId, actorRole, clientId, correlationId, "records-service",
                canonicalData);
        assertEquals(new EntryHasher().hash(prev, content), new StoredEntryHasher().hash(prev, row));
    }

    @Test
    @DisplayName("tamper evidence: stored data rewritten into equivalent but non-canonical JSON no longer matches")
    void rewrittenDataDoesNotMatch() {
        StoredEntryHasher h = new StoredEntryHasher();
        StoredEntryHasher.Row canonical = new StoredEntryHasher.Row(1, "e", "t", "a", "b", "o", null, null, null, null, "s",
                "{\"a\":1,\"b\":2}");
        StoredEntryHasher.Row rewritten = new StoredEntryHasher.Row(1, "e", "t", "a", "b", "o", null, null, null, null, "s",
                "{\"b\":2,\"a\":1}");
        assertNotEquals(h.hash(EntryHasher.GENESIS, canonical), h.hash(EntryHasher.GENESIS, rewritten));
    }
}
