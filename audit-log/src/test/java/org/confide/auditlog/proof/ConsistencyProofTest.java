package org.confide.auditlog.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.confide.auditlog.tree.MerkleTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6962 / RFC 9162 consistency proofs against the certificate-transparency reference vectors (the eight leaves of
 * merkle_tree_test.cc; the same proofs are transparency-dev/merkle's testdata/consistency happy paths), and the
 * mutations those test data make of each (sizes, roots, proof hashes): every one must fail.
 */
class ConsistencyProofTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    /** RFC 6962 roots of the reference trees of 0..8 leaves. */
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static List<byte[]> leafHashes(int n) {
        return LEAVES.subList(0, n).stream()
                .map(h -> MerkleTree.leafHash(HEX.parseHex(h)))
                .toList();
    }

    private static List<byte[]> hexes(String spaceSeparated) {
        return spaceSeparated.isBlank()
                ? List.of()
                : Arrays.stream(spaceSeparated.trim().split(" "))
                        .map(HEX::parseHex)
                        .toList();
    }

    private static byte[] root(int size) {
        return HEX.parseHex(ROOTS.get(size));
    }

    @Test
    @DisplayName("the reference roots are the roots of the reference leaves (the vectors below are about this tree)")
    void referenceRoots() {
        for (int n = 0; n <= 8; n++) {
            assertEquals(ROOTS.get(n), HEX.formatHex(MerkleTree.root(leafHashes(n))), "root of " + n);
        }
    }

    @DisplayName("RFC 6962 2.1.2: consistency proofs are the reference proofs, and verify (RFC 9162 2.1.4.2)")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1, 1, ''",
        "1, 8, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 "
                + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "6, 8, 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a "
                + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 "
                + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "2, 5, 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "6, 7, 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a "
                + "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f "
                + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    })
    void referenceProofs(int first, int second, String expected) {
        List<byte[]> proof = ConsistencyProof.path(first, second, MerkleTree.inMemory(leafHashes(second)));
        assertEquals(
                expected.trim(),
                String.join(" ", proof.stream().map(HEX::formatHex).toList()));
        assertTrue(ConsistencyProof.verify(first, second, root(first), root(second), hexes(expected)));
    }

    @DisplayName("transparency-dev/merkle testdata/consistency mutations of each reference proof fail")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 8", "6, 8", "2, 5", "6, 7"})
    void mutationsFail(int first, int second) {
        List<byte[]> proof = ConsistencyProof.path(first, second, MerkleTree.inMemory(leafHashes(second)));
        byte[] r1 = root(first);
        byte[] r2 = root(second);
        byte[] garbage = MerkleTree.leafHash(new byte[] {7});
        assertFalse(ConsistencyProof.verify(first, second, r1, r2, List.of()), "empty proof");
        assertFalse(
                ConsistencyProof.verify(first, second, r1, r2, proof.subList(0, proof.size() - 1)), "truncated proof");
        assertFalse(
                ConsistencyProof.verify(first, second, r1, r2, with(proof, proof.size(), garbage)), "trailing garbage");
        assertFalse(ConsistencyProof.verify(first, second, r1, r2, with(proof, proof.size(), r1)), "trailing root1");
        assertFalse(ConsistencyProof.verify(first, second, r1, r2, with(proof, proof.size(), r2)), "trailing root2");
        assertFalse(ConsistencyProof.verify(first, second, r1, r2, with(proof, 0, garbage)), "preceding garbage");
        assertFalse(ConsistencyProof.verify(first, second, r1, r2, with(proof, 0, r1)), "preceding root1");
        assertFalse(ConsistencyProof.verify(first, second, r1, r2, with(proof, 0, r2)), "preceding root2");
        assertFalse(
                ConsistencyProof.verify(first, second, r1, r2, with(proof, 0, proof.getFirst())), "preceding proof[0]");
        assertFalse(ConsistencyProof.verify(first, second, r2, r1, proof), "swapped roots");
        assertFalse(ConsistencyProof.verify(first, second, garbage, r2, proof), "wrong root1");
        assertFalse(ConsistencyProof.verify(first, second, r1, garbage, proof), "wrong root2");
        assertFalse(ConsistencyProof.verify(first + 1, second, r1, r2, proof), "size1 + 1");
        assertFalse(ConsistencyProof.verify(first - 1, second, r1, r2, proof), "size1 - 1");
        assertFalse(ConsistencyProof.verify(first ^ 2, second, r1, r2, proof), "size1 XOR 2");
        assertFalse(ConsistencyProof.verify(first, second * 2L, r1, r2, proof), "size2 * 2");
        assertFalse(ConsistencyProof.verify(first, second / 2, r1, r2, proof), "size2 / 2");
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> modified = new ArrayList<>(proof);
            byte[] bad = proof.get(i).clone();
            bad[4] ^= 1;
            modified.set(i, bad);
            assertFalse(ConsistencyProof.verify(first, second, r1, r2, modified), "modified proof[" + i + "] bit @4");
        }
    }

    @DisplayName(
            "transparency-dev/merkle testdata/consistency/additional: degenerate sizes and roots fail, equal sizes with equal roots hold")
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "size1 is greater than size2, 8, 1, false",
        "size1 is zero and size2 is not, 0, 1, false",
        "sizes are equal zero, 0, 0, false",
        "sizes are equal one and proof is empty, 1, 1, true",
        "sizes are equal four and proof is empty, 4, 4, true",
    })
    void degenerate(String what, int first, int second, boolean holds) {
        assertEquals(holds, ConsistencyProof.verify(first, second, root(first), root(second), List.of()), what);
    }

    @Test
    @DisplayName("equal sizes need equal roots and an empty proof")
    void equalSizes() {
        assertFalse(ConsistencyProof.verify(1, 1, root(1), root(2), List.of()), "roots differ");
        assertFalse(ConsistencyProof.verify(1, 1, root(1), root(1), List.of(root(1))), "proof not empty");
        assertThrows(
                IllegalArgumentException.class, () -> ConsistencyProof.path(0, 3, MerkleTree.inMemory(leafHashes(3))));
        assertThrows(
                IllegalArgumentException.class, () -> ConsistencyProof.path(4, 3, MerkleTree.inMemory(leafHashes(4))));
    }

    @Test
    @DisplayName(
            "between every pair of sizes up to 70 leaves the proof verifies, and not against a tree with one leaf changed")
    void everyShape() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            all.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 3)}));
        }
        for (int n = 1; n <= all.size(); n++) {
            MerkleTree.RangeHashes tree = MerkleTree.inMemory(all.subList(0, n));
            byte[] r2 = MerkleTree.root(all.subList(0, n));
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = ConsistencyProof.path(m, n, tree);
                byte[] r1 = MerkleTree.root(all.subList(0, m));
                assertTrue(ConsistencyProof.verify(m, n, r1, r2, proof), m + " -> " + n);
                // A rewrite: leaf m - 1 (inside the old tree) changed, the rest kept; no proof from the old root
                // exists.
                List<byte[]> rewritten = new ArrayList<>(all.subList(0, n));
                rewritten.set(m - 1, MerkleTree.leafHash(new byte[] {99}));
                List<byte[]> forged = ConsistencyProof.path(m, n, MerkleTree.inMemory(rewritten));
                assertFalse(
                        ConsistencyProof.verify(m, n, r1, MerkleTree.root(rewritten), forged),
                        "rewritten " + m + " -> " + n);
            }
        }
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] extra) {
        List<byte[]> out = new ArrayList<>(proof);
        out.add(at, extra);
        return out;
    }
}
