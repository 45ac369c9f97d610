package org.confide.auditlog.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChainWalkTest {

    private final EntryHasher hasher = new EntryHasher();

    record Stored(LogEntry content, String prevHash, String hash) {}

    private List<Stored> chain(int n) {
        List<Stored> out = new ArrayList<>();
        String prev = EntryHasher.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String data = "{\"clientId\":\"c-" + seq + "\",\"n\":" + seq + "}";
            LogEntry c = new LogEntry(
                    seq,
                    "e-" + seq,
                    "client.registered",
                    "2026-11-22T10:15:00Z",
                    "2026-11-22T10:15:01.250Z",
                    "org-a",
                    "p1",
                    "practitioner",
                    "c-" + seq,
                    "corr",
                    "records-service",
                    data);
            String hash = hasher.hash(prev, c);
            out.add(new Stored(c, prev, hash));
            prev = hash;
        }
        return out;
    }

    private ChainWalk.Result walk(List<Stored> entries) {
        ChainWalk walk = new ChainWalk(1, EntryHasher.GENESIS);
        for (Stored s : entries) {
            if (!walk.accept(s.content(), s.prevHash(), s.hash())) break;
        }
        return walk.result();
    }

    @Test
    @DisplayName("an untouched chain verifies to its head")
    void intact() {
        List<Stored> entries = chain(5);
        ChainWalk.Result r = walk(entries);
        assertTrue(r.valid());
        assertEquals(5, r.checked());
        assertEquals(5, r.headSeq());
        assertEquals(entries.get(4).hash(), r.headHash());
        assertNull(r.firstBrokenSeq());
    }

    @Test
    @DisplayName("altering one stored entry makes verify name that entry's seq as the first broken")
    void alteredEntry() {
        List<Stored> entries = chain(5);
        Stored third = entries.get(2);
        LogEntry c = third.content();
        var altered = new LogEntry(
                c.seq(),
                c.eventId(),
                "client.destroyed",
                c.occurredAt(),
                c.recordedAt(),
                c.org(),
                c.actorId(),
                c.actorRole(),
                c.clientId(),
                c.correlationId(),
                c.source(),
                c.data());
        entries.set(2, new Stored(altered, third.prevHash(), third.hash()));
        ChainWalk.Result r = walk(entries);
        assertFalse(r.valid());
        assertEquals(3L, r.firstBrokenSeq());
        assertEquals(2, r.headSeq());
    }

    @Test
    @DisplayName("an entry rehashed after alteration still breaks the chain at the next entry")
    void rehashedEntry() {
        List<Stored> entries = chain(5);
        Stored third = entries.get(2);
        String data = "{\"clientId\":\"someone-else\"}";
        LogEntry c = third.content();
        var altered = new LogEntry(
                c.seq(),
                c.eventId(),
                c.type(),
                c.occurredAt(),
                c.recordedAt(),
                c.org(),
                c.actorId(),
                c.actorRole(),
                c.clientId(),
                c.correlationId(),
                c.source(),
                data);
        entries.set(2, new Stored(altered, third.prevHash(), hasher.hash(third.prevHash(), altered)));
        assertEquals(4L, walk(entries).firstBrokenSeq());
    }

    @Test
    @DisplayName("a missing entry breaks the chain at the missing seq")
    void gap() {
        List<Stored> entries = chain(5);
        entries.remove(1);
        ChainWalk.Result r = walk(entries);
        assertFalse(r.valid());
        assertEquals(2L, r.firstBrokenSeq());
    }

    @Test
    @DisplayName("the hash covers prevHash: the same content after another predecessor hashes differently")
    void hashCoversPrev() {
        LogEntry c = chain(1).get(0).content();
        assertFalse(hasher.hash(EntryHasher.GENESIS, c).equals(hasher.hash("1".repeat(64), c)));
    }
}
