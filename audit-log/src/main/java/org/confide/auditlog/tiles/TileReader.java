package org.confide.auditlog.tiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.confide.auditlog.tree.MerkleTree;

/**
 * A tlog-tiles client's view of a tree of {@code size} leaves: any range hash the RFC 6962 recursion asks for (so
 * roots, inclusion and consistency proofs) from hash tiles alone, fetched through {@code fetch} (a path under the
 * log's prefix, e.g. {@code tile/0/001.p/7}, to its bytes). Tiles are read once each.
 */
public final class TileReader implements MerkleTree.RangeHashes {

    /** Fetches a resource of the log by its path under the log's prefix. */
    @FunctionalInterface
    public interface Fetch {
        byte[] get(String path);
    }

    private final long size;
    private final Fetch fetch;
    private final Map<String, byte[]> tiles = new HashMap<>();

    public TileReader(long size, Fetch fetch) {
        this.size = size;
        this.fetch = fetch;
    }

    /** MTH of the leaves [start, end), within the tree's size. */
    @Override
    public byte[] hash(long start, long end) {
        if (start < 0 || end > size || start >= end) {
            throw new IllegalArgumentException("[" + start + ", " + end + ") is not a range of a tree of " + size);
        }
        if (!MerkleTree.isPerfect(start, end)) {
            long k = MerkleTree.split(end - start);
            return MerkleTree.nodeHash(hash(start, start + k), hash(start + k, end));
        }
        int height = Long.numberOfTrailingZeros(end - start);
        int level = height / 8;
        long first = start >> (8 * level);
        int count = 1 << (height % 8);
        List<byte[]> hashes = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) hashes.add(node(level, i));
        return MerkleTree.root(hashes);
    }

    /** Hash {@code index} of tile level {@code level}: the root of the perfect subtree of 256^level leaves. */
    public byte[] node(int level, long index) {
        Tiles.TilePath tile = Tiles.tileFor(level, index, size);
        byte[] bytes = tiles.computeIfAbsent(tile.path(), fetch::get);
        if (bytes == null || bytes.length != tile.width() * MerkleTree.HASH_BYTES) {
            throw new IllegalStateException(tile.path() + " is not " + tile.width() + " hashes");
        }
        int at = (int) (index & 0xff) * MerkleTree.HASH_BYTES;
        return java.util.Arrays.copyOfRange(bytes, at, at + MerkleTree.HASH_BYTES);
    }

    public long size() {
        return size;
    }
}
