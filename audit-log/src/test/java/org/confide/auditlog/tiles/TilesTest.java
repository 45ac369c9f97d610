package org.confide.auditlog.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.proof.ConsistencyProof;
import org.confide.auditlog.proof.InclusionProof;
import org.confide.auditlog.tree.MerkleTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C2SP tlog-tiles paths, partial tiles, bundles, and a tree read back from its tiles. */
class TilesTest {

    @DisplayName(
            "C2SP tlog-tiles: tile paths (index 1234067 is x001/x234/067), partial widths; malformed paths are refused")
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0/000, 0, 0, 256",
        "0/x001/x234/067, 0, 1234067, 256",
        "1/x001/x234/067.p/17, 1, 1234067, 17",
        "entries/005.p/255, -1, 5, 255",
        "63/999, 63, 999, 256",
    })
    void paths(String path, int level, long index, int width) {
        Tiles.TilePath p = Tiles.parse(path);
        assertEquals(new Tiles.TilePath(level, index, width), p);
        assertEquals("tile/" + path, p.path());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "64/000",
        "01/000",
        "0/1",
        "0/0001",
        "0/001.p/0",
        "0/001.p/256",
        "0/001.p/01",
        "0/x000/001",
        "0/001/x002",
        "x/000",
        "0",
        "0/",
        "entries/abc",
        "0/001.p",
        "0/001.p/7/8"
    })
    @DisplayName("malformed or non-canonical tile paths are refused")
    void badPaths(String path) {
        assertNull(Tiles.parse(path));
    }

    @Test
    @DisplayName(
            "C2SP tlog-tiles example: a tree of 70,000 is 273 full level 0 tiles, a partial of 112, one full level 1 tile, a partial of 17, and a level 2 partial of 1")
    void tilesOfSpecExample() {
        Map<String, Long> count = Tiles.tilesOf(70_000).stream()
                .collect(Collectors.groupingBy(
                        t -> t.level() + (t.full() ? "/full" : "/p" + t.width()), Collectors.counting()));
        assertEquals(Map.of("0/full", 273L, "0/p112", 1L, "1/full", 1L, "1/p17", 1L, "2/p1", 1L), count);
        assertEquals(List.of(new Tiles.TilePath(0, 0, 256), new Tiles.TilePath(1, 0, 1)), Tiles.tilesOf(256));
    }

    @Test
    @DisplayName(
            "bundles: uint16 length-prefixed entries, read back; an entry's JSON reads back to the entry and its hash")
    void bundles() {
        LogEntry e = new LogEntry(
                3,
                "ev-1",
                "record.accessed",
                "2026-11-22T10:15:00.123Z",
                "2026-11-22T10:15:01Z",
                "org-a",
                "prac-1",
                "practitioner",
                null,
                "corr-\u00e9\"",
                "records-service",
                "{\"clientId\":\"c\",\"purposeOfUse\":\"CARE\"}");
        String hash = new EntryHasher().hash(EntryHasher.GENESIS, e);
        byte[] json = Tiles.entryJson(e, EntryHasher.GENESIS, hash);
        byte[] bundle = Tiles.bundle(List.of(json, new byte[300]));
        assertEquals(2 + json.length + 2 + 300, bundle.length);
        assertEquals(0x01, bundle[2 + json.length]); // 300 = 0x012c, big-endian
        List<byte[]> back = Tiles.unbundle(bundle);
        assertArrayEquals(json, back.getFirst());
        Tiles.BundleEntry read = Tiles.readEntry(json);
        assertEquals(e, read.entry());
        assertEquals(hash, new EntryHasher().hash(read.prevHash(), read.entry()));
    }

    @Test
    @DisplayName(
            "a tree served as tiles gives back its root, inclusion and consistency proofs at every size up to 700 (full, partial and level 1 tiles)")
    void readBack() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 700; i++) leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        for (int size : new int[] {1, 2, 255, 256, 257, 511, 512, 513, 600, 700}) {
            MerkleTree.RangeHashes truth = MerkleTree.inMemory(leaves.subList(0, size));
            List<String> fetched = new ArrayList<>();
            TileReader tiles = new TileReader(size, path -> {
                fetched.add(path);
                return serve(Tiles.parse(path.substring("tile/".length())), leaves, size);
            });
            assertArrayEquals(MerkleTree.root(leaves.subList(0, size)), tiles.hash(0, size), "root of " + size);
            assertEquals(
                    InclusionProof.path(size / 3, size, truth).stream()
                            .map(java.util.HexFormat.of()::formatHex)
                            .toList(),
                    InclusionProof.path(size / 3, size, tiles).stream()
                            .map(java.util.HexFormat.of()::formatHex)
                            .toList());
            if (size > 1) {
                assertEquals(
                        ConsistencyProof.path(size / 2, size, truth).stream()
                                .map(java.util.HexFormat.of()::formatHex)
                                .toList(),
                        ConsistencyProof.path(size / 2, size, tiles).stream()
                                .map(java.util.HexFormat.of()::formatHex)
                                .toList());
            }
            for (String p : fetched) {
                assertEquals(
                        true,
                        Tiles.tilesOf(size).stream().anyMatch(t -> t.path().equals(p)),
                        p + " is a tile of " + size);
            }
        }
    }

    /** A tile as the tlog-tiles spec defines it, from the leaves in memory. */
    private static byte[] serve(Tiles.TilePath t, List<byte[]> leaves, int size) {
        MerkleTree.RangeHashes tree = MerkleTree.inMemory(leaves.subList(0, size));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long span = 1L << (8 * t.level());
        for (int i = 0; i < t.width(); i++) {
            long start = (t.index() * 256 + i) * span;
            out.writeBytes(tree.hash(start, start + span));
        }
        return out.toByteArray();
    }
}
