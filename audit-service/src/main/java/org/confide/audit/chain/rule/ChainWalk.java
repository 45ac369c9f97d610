package org.confide.audit.chain.rule;

import java.util.function.Supplier;

/**
 * Verifies an organisation's chain one entry at a time, in seq order, without holding it in memory:
 * each entry must have the next seq, link to the previous hash, and hash to what it claims.
 * The first entry that fails is named; nothing after it is trusted.
 */
public final class ChainWalk {

    private final EntryHasher hasher = new EntryHasher();
    private final StoredEntryHasher rowHasher = new StoredEntryHasher();
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
    public boolean accept(EntryContent entry, String prevHash, String hash) {
        return accept(entry.seq(), prevHash, hash, () -> hasher.hash(prevHash, entry));
    }

    /** The same check for a stored row, hashed without building a JSON tree (the verify endpoint's path). */
    public boolean accept(StoredEntryHasher.Row row, String prevHash, String hash) {
        return accept(row.seq(), prevHash, hash, () -> rowHasher.hash(prevHash, row));
    }

    private boolean accept(long seq, String prevHash, String hash, Supplier<String> recomputed) {
        if (firstBrokenSeq != null) {
            return false;
        }
        if (seq != expectedSeq) {
            firstBrokenSeq = expectedSeq; // a missing or reordered entry breaks the chain where it should be
            return false;
        }
        checked++;
        if (!expectedPrev.equals(prevHash) || !recomputed.get().equals(hash)) {
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
    public record Result(boolean valid, long checked, long headSeq, String headHash, Long firstBrokenSeq) {
    }
}
