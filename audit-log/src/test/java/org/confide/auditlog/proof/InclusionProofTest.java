package org.confide.auditlog.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** RFC 6962 inclusion proofs against the certificate-transparency reference vectors (merkle_tree_test.cc). */
class InclusionProofTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The eight reference leaves of the certificate-transparency test data. */
    private static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

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

    @DisplayName("docs/api.md Hashing: inclusion proofs (audit paths) are RFC 6962's reference paths, and verify")
    @ParameterizedTest(name = "leaf {0} of {1}")
    @CsvSource({
        "0, 1, ''",
        "0, 8, 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 "
                + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        "5, 8, bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b "
                + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 "
                + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "2, 3, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "1, 5, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d "
                + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e "
                + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    })
    void referencePaths(long index, long size, String path) {
        List<byte[]> leaves = leafHashes((int) size);
        List<byte[]> proof = InclusionProof.path(index, size, MerkleTree.inMemory(leaves));
        assertEquals(
                path.trim(), String.join(" ", proof.stream().map(HEX::formatHex).toList()));
        byte[] root = MerkleTree.root(leaves);
        assertTrue(InclusionProof.verify(index, size, leaves.get((int) index), hexes(path), root));
    }

    @Test
    @DisplayName(
            "docs/api.md Hashing: in every tree up to 70 leaves every leaf's proof verifies, and a wrong index, size, leaf, root or path does not")
    void everyShape() {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            all.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}));
        }
        byte[] someHash = MerkleTree.leafHash(new byte[] {42});
        for (int n = 1; n <= all.size(); n++) {
            List<byte[]> leaves = all.subList(0, n);
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = InclusionProof.path(i, n, MerkleTree.inMemory(leaves));
                byte[] leaf = leaves.get(i);
                assertTrue(InclusionProof.verify(i, n, leaf, proof, root), "leaf " + i + " of " + n);
                assertFalse(InclusionProof.verify(i + 1, n, leaf, proof, root), "index + 1");
                if (i > 0) assertFalse(InclusionProof.verify(i - 1, n, leaf, proof, root), "index - 1");
                assertFalse(InclusionProof.verify(i, n * 2L, leaf, proof, root), "size * 2");
                if (n > 1) assertFalse(InclusionProof.verify(i, n / 2, leaf, proof, root), "size / 2");
                assertFalse(InclusionProof.verify(i, n, someHash, proof, root), "wrong leaf");
                assertFalse(InclusionProof.verify(i, n, leaf, proof, someHash), "wrong root");
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertFalse(InclusionProof.verify(i, n, leaf, longer, root), "trailing hash");
                for (int j = 0; j < proof.size(); j++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] bad = flipped.get(j).clone();
                    bad[0] ^= 8;
                    flipped.set(j, bad);
                    assertFalse(InclusionProof.verify(i, n, leaf, flipped, root), "flipped bit in " + j);
                }
                if (!proof.isEmpty()) {
                    assertFalse(
                            InclusionProof.verify(i, n, leaf, proof.subList(0, proof.size() - 1), root),
                            "missing hash");
                }
            }
        }
    }

    @DisplayName("RFC 9162 2.1.3.2: a proof for a leaf outside the tree leads nowhere")
    @ParameterizedTest(name = "leaf {0} of {1}")
    @CsvSource({"0, 0", "1, 1", "2, 1", "-1, 4"})
    void outside(long index, long size) {
        assertNull(InclusionProof.rootFrom(index, size, MerkleTree.emptyRoot(), List.of()));
    }
}
