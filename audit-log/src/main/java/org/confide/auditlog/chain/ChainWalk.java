package org.confide.auditlog.chain;

/**
 * Verifies an organisation's chain one entry at a time, in seq order, without holding it in memory:
 * each entry must have the next seq, link to the previous hash, and hash to what it claims.
 * The first entry that fails is named; nothing after it is trusted.
 */
public final class ChainWalk {

    private final EntryHasher hasher = new EntryHasher();
    private long expectedSeq;
    private String expectedPrev;
    private long checked;
    private long headSeq;
    private String headHash;
    private Long firstBrokenSeq;

    /** Starts at {@code firstSeq}, whose prevHash must be {@code prevHash} (GENESIS for seq 1). */
    public ChainWalk(long firstSeq, String prevHash) {
        this.expectedSeq = firstSeq;
        this.expectedPrev = prevHash;
        this.headSeq = firstSeq - 1;
        this.headHash = prevHash;
    }

    /** Checks the next entry; returns false once the chain is broken (further entries are ignored). */
    public boolean accept(LogEntry entry, String prevHash, String hash) {
        long seq = entry.seq();
        if (firstBrokenSeq != null) {
            return false;
        }
        if (seq != expectedSeq) {
            firstBrokenSeq = expectedSeq; // a missing or reordered entry breaks the chain where it should be
            return false;
        }
        checked++;
        if (!expectedPrev.equals(prevHash) || !hasher.hash(prevHash, entry).equals(hash)) {
            firstBrokenSeq = seq;
            return false;
        }
        headSeq = seq;
        headHash = hash;
        expectedSeq++;
        expectedPrev = hash;
        return true;
    }

    public Result result() {
        return new Result(firstBrokenSeq == null, checked, headSeq, headHash, firstBrokenSeq);
    }

    /** docs/api.md {@code GET /audit/verify}: {@code headSeq}/{@code headHash} are the last entry that verified. */
    public record Result(boolean valid, long checked, long headSeq, String headHash, Long firstBrokenSeq) {}
}
