package org.confide.auditlog.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of an organisation's log, hashed as RFC 6962 / RFC 9162 say (docs/api.md "Hashing"):
 * {@code leaf = SHA-256(0x00 ‖ entry hash bytes)}, {@code node = SHA-256(0x01 ‖ left ‖ right)}, and a tree of
 * {@code n} leaves splits at the largest power of two smaller than {@code n}. Inclusion proofs over it are
 * {@link org.confide.auditlog.proof.InclusionProof}.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;
    /** One digest per thread for leaves and nodes (digest() resets it): verify hashes two per entry. */
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(MerkleTree::sha256);

    private MerkleTree() {}

    /** The hash of one leaf, over the entry's own 32-byte hash. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = SHA.get();
        sha.update((byte) 0x00);
        sha.update(data);
        return sha.digest();
    }

    /** The hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = SHA.get();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The largest power of two smaller than {@code n} (RFC 6962 section 2.1: the split point), for n &gt; 1. */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves has no split");
        }
        return Long.highestOneBit(n - 1);
    }

    /** MTH over leaves that are already leaf-hashed, in order (RFC 6962 section 2.1). */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        return rootOf(leafHashes, 0, leafHashes.size());
    }

    private static byte[] rootOf(List<byte[]> hashes, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return hashes.get(start);
        }
        int k = (int) split(n);
        return nodeHash(rootOf(hashes, start, start + k), rootOf(hashes, start + k, end));
    }

    /** Where a tree's subtree hashes come from: MTH of the leaves {@code [start, end)}. */
    @FunctionalInterface
    public interface RangeHashes {
        byte[] hash(long start, long end);
    }

    /** A tree held in memory, over leaf hashes (tests, the offline verifier). */
    public static RangeHashes inMemory(List<byte[]> leafHashes) {
        return (start, end) -> rootOf(leafHashes, Math.toIntExact(start), Math.toIntExact(end));
    }

    /**
     * The perfect subtrees a tree of {@code size} leaves is made of, left to right, as {@code [start, end)}
     * pairs: one per set bit of {@code size}, largest first (the "frontier" of a compact range).
     */
    public static List<long[]> perfectSubtrees(long size) {
        List<long[]> out = new ArrayList<>();
        long start = 0;
        for (int bit = 62; bit >= 0; bit--) {
            long width = 1L << bit;
            if ((size & width) != 0) {
                out.add(new long[] {start, start + width});
                start += width;
            }
        }
        return out;
    }

    /** Whether {@code [start, end)} is one perfect, aligned subtree (a node of the tree at some level). */
    public static boolean isPerfect(long start, long end) {
        long n = end - start;
        return n > 0 && Long.bitCount(n) == 1 && start % n == 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
