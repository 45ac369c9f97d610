package org.confide.auditlog.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.confide.auditlog.tree.MerkleTree;

/**
 * Inclusion proofs in the {@link MerkleTree} of a log (RFC 6962 / RFC 9162): the audit path of one leaf, and the check
 * that a path leads from an entry's leaf to a signed root (what GET /audit/entries/{seq}/proof serves and the offline
 * verifier checks).
 */
public final class InclusionProof {

    private InclusionProof() {}

    /**
     * PATH(m, D[n]) of RFC 6962 section 2.1.1 (RFC 9162 section 2.1.3.1): the audit path of leaf {@code index}
     * in a tree of {@code size} leaves, nearest sibling first.
     */
    public static List<byte[]> path(long index, long size, MerkleTree.RangeHashes tree) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(index, 0, size, tree, path);
        return path;
    }

    private static void collectPath(long m, long start, long end, MerkleTree.RangeHashes tree, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleTree.split(n);
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
    public static byte[] rootFrom(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || leafHash == null || leafHash.length != MerkleTree.HASH_BYTES) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null || p.length != MerkleTree.HASH_BYTES) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether {@code proof} shows leaf {@code leafHash} at {@code index} in the tree of {@code size} with {@code root}. */
    public static boolean verify(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFrom(index, size, leafHash, proof);
        return computed != null && root != null && MessageDigest.isEqual(computed, root);
    }
}
