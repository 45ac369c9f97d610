package org.confide.auditlog.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6962 hashing against the certificate-transparency reference vectors (merkle_tree_test.cc); proofs are InclusionProofTest's. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The eight reference leaves of the certificate-transparency test data. */
    private static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static List<byte[]> leafHashes(int n) {
        return LEAVES.subList(0, n).stream()
                .map(h -> MerkleTree.leafHash(HEX.parseHex(h)))
                .toList();
    }

    @DisplayName("docs/api.md Hashing: the root of the first n reference leaves is RFC 6962's")
    @ParameterizedTest(name = "{0} leaves -> {1}")
    @CsvSource({
        "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    })
    void referenceRoots(int n, String root) {
        assertEquals(root, HEX.formatHex(MerkleTree.root(leafHashes(n))));
        CompactRange streamed = new CompactRange();
        leafHashes(n).forEach(streamed::append);
        assertEquals(root, HEX.formatHex(streamed.root()), "the streamed root agrees");
    }

    @Test
    @DisplayName("the compact range streams to the tree's root at every size up to 70")
    void compactRangeEverySize() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            all.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        CompactRange streamed = new CompactRange();
        for (int n = 1; n <= all.size(); n++) {
            streamed.append(all.get(n - 1));
            assertEquals(n, streamed.size());
            assertArrayEquals(MerkleTree.root(all.subList(0, n)), streamed.root(), "compact range, size " + n);
        }
    }

    @Test
    @DisplayName("a compact range restarted from its perfect subtrees carries on to the same root")
    void compactRangeResumes() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 23; i++) leaves.add(MerkleTree.leafHash(new byte[] {(byte) i}));
        MerkleTree.RangeHashes tree = MerkleTree.inMemory(leaves);
        for (int cut = 0; cut <= 23; cut++) {
            List<byte[]> frontier = MerkleTree.perfectSubtrees(cut).stream()
                    .map(r -> tree.hash(r[0], r[1]))
                    .toList();
            CompactRange resumed = new CompactRange(cut, frontier);
            leaves.subList(cut, 23).forEach(resumed::append);
            assertArrayEquals(MerkleTree.root(leaves), resumed.root(), "resumed at " + cut);
        }
    }

    @Test
    @DisplayName(
            "appending tells of every perfect subtree completed, with the hash of its leaves (verify checks stored nodes with it)")
    void compactRangeReportsNodes() {
        java.util.List<byte[]> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        MerkleTree.RangeHashes tree = MerkleTree.inMemory(leaves);
        java.util.Map<Integer, Integer> perLevel = new java.util.HashMap<>();
        CompactRange range = new CompactRange();
        for (byte[] leaf : leaves) {
            range.append(leaf, (level, index, hash) -> {
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        tree.hash(index << level, (index + 1) << level), hash, "node " + level + "/" + index);
                perLevel.merge(level, 1, Integer::sum);
            });
        }
        for (int level = 1; level <= 8; level++) {
            org.junit.jupiter.api.Assertions.assertEquals(300 >> level, perLevel.get(level), "nodes at level " + level);
        }
    }
}
