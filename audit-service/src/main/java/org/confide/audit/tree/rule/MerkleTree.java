package org.confide.audit.tree.rule;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of an organisation's log, hashed as RFC 6962 / RFC 9162 say (docs/api.md "Hashing"):
 * {@code leaf = SHA-256(0x00 ‖ entry hash bytes)}, {@code node = SHA-256(0x01 ‖ left ‖ right)}, and a tree of
 * {@code n} leaves splits at the largest power of two smaller than {@code n}. Plain JDK code only: the offline
 * verifier runs it with nothing but a JDK.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;
    /** One digest per thread for leaves and nodes (digest() resets it): verify hashes two per entry. */
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(MerkleTree::sha256);

    private MerkleTree() {
    }

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
     * PATH(m, D[n]) of RFC 6962 section 2.1.1 (RFC 9162 section 2.1.3.1): the audit path of leaf {@code index}
     * in a tree of {@code size} leaves, nearest sibling first.
     */
    public static List<byte[]> inclusionProof(long index, long size, RangeHashes tree) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(index, 0, size, tree, path);
        return path;
    }

    private static void collectPath(long m, long start, long end, RangeHashes tree, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            collectPath(m, start, start + k, tree, path);
            path.add(tree.hash(start + k, end));
        } else {
            collectPath(m - k, start + k, end, tree, path);
            path.add(tree.hash(start, start + k));
        }
    }

    /**
     * RFC 9162 section 2.1.3.2: the root an inclusion proof leads to, or null when the proof cannot belong to
     * a leaf {@code index} of a tree of {@code size} leaves (wrong length, index out of range).
     */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || leafHash == null || leafHash.length != HASH_BYTES) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null || p.length != HASH_BYTES) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether {@code proof} shows leaf {@code leafHash} at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusion(index, size, leafHash, proof);
        return computed != null && root != null && MessageDigest.isEqual(computed, root);
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
