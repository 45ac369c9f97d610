package org.confide.auditlog.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.confide.auditlog.tree.MerkleTree;

/**
 * Consistency proofs between two sizes of a {@link MerkleTree} (RFC 6962 section 2.1.2, RFC 9162 section 2.1.4): the
 * hashes that show the tree of {@code second} leaves is the tree of {@code first} leaves with leaves appended, so a
 * checkpoint handed out earlier is a prefix of today's (what GET /audit/checkpoints/consistency serves, and what a
 * witness or monitor checks before it accepts a newer checkpoint).
 */
public final class ConsistencyProof {

    private ConsistencyProof() {}

    /**
     * PROOF(m, D[n]) of RFC 6962 section 2.1.2: the consistency proof from the tree of {@code first} leaves to the tree
     * of {@code second}; empty when the sizes are equal. Requires {@code 0 < first <= second}.
     */
    public static List<byte[]> path(long first, long second, MerkleTree.RangeHashes tree) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> out = new ArrayList<>();
        subproof(first, 0, second, true, tree, out);
        return out;
    }

    /** SUBPROOF(m, D[start:end], b), appending to {@code out} in proof order. */
    private static void subproof(
            long m, long start, long end, boolean whole, MerkleTree.RangeHashes tree, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) out.add(tree.hash(start, end));
            return;
        }
        long k = MerkleTree.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, tree, out);
            out.add(tree.hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, tree, out);
            out.add(tree.hash(start, start + k));
        }
    }

    /**
     * RFC 9162 section 2.1.4.2: whether {@code proof} shows that the tree of {@code second} leaves with root
     * {@code secondRoot} extends the tree of {@code first} leaves with root {@code firstRoot}. Equal sizes need an
     * empty proof and equal roots; a proof from the empty tree (first = 0) is meaningless and refused, as
     * transparency-dev/merkle refuses it (the empty tree is consistent with every tree: nothing needs proving).
     */
    public static boolean verify(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 1 || second < first || !isHash(firstRoot) || !isHash(secondRoot) || proof == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        // A first tree of 2^k leaves is one node of the second: its root starts the path instead of being sent.
        if (Long.bitCount(first) == 1) path.add(firstRoot);
        path.addAll(proof);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == MerkleTree.HASH_BYTES;
    }
}
