package org.confide.auditlog.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of a growing tree in O(log n) memory: the hashes of the perfect subtrees of the leaves seen so far,
 * largest first. Verification streams a whole log through it and compares the root with every checkpoint.
 */
public final class CompactRange {

    private final List<byte[]> subtrees = new ArrayList<>();
    private long size;

    /** An empty range. */
    public CompactRange() {}

    /** A range over the first {@code size} leaves, from the hashes of {@link MerkleTree#perfectSubtrees(long)}. */
    public CompactRange(long size, List<byte[]> perfectSubtreeHashes) {
        if (Long.bitCount(size) != perfectSubtreeHashes.size()) {
            throw new IllegalArgumentException(
                    "a tree of " + size + " leaves has " + Long.bitCount(size) + " perfect subtrees");
        }
        this.size = size;
        this.subtrees.addAll(perfectSubtreeHashes);
    }

    public void append(byte[] leafHash) {
        append(leafHash, null);
    }

    /** Where the perfect subtrees that appends complete are told: node (level, index) covers leaves [index * 2^level, (index + 1) * 2^level). */
    @FunctionalInterface
    public interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    /** Appends a leaf and tells {@code sink} (if any) of every interior node it completes, lowest first. */
    public void append(byte[] leafHash, NodeSink sink) {
        byte[] h = leafHash;
        int level = 0;
        for (long i = size; (i & 1) == 1; i >>= 1) {
            h = MerkleTree.nodeHash(subtrees.removeLast(), h);
            level++;
            if (sink != null) sink.node(level, size >> level, h);
        }
        subtrees.add(h);
        size++;
    }

    /** The hashes of the perfect subtrees of the leaves so far, largest first (a copy). */
    public List<byte[]> subtrees() {
        return List.copyOf(subtrees);
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] r = subtrees.getLast();
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            r = MerkleTree.nodeHash(subtrees.get(i), r);
        }
        return r;
    }
}
