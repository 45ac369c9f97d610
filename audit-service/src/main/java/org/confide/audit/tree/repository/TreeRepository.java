package org.confide.audit.tree.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.confide.auditlog.tree.MerkleTree;

/**
 * The stored tree of an organisation: how far it is integrated ({@code merkle_tree}), its stored nodes every
 * 8th level ({@code merkle_node}), and its leaves, which are the entries' own hashes. Works on the caller's
 * connection so that it joins the caller's transaction.
 */
@ApplicationScoped
public class TreeRepository {

    /** Levels between stored nodes: a node of a stored level is recomputed from at most 256 hashes below it. */
    public static final int STRATUM = 8;

    private static final HexFormat HEX = HexFormat.of();

    /** The integrated size, creating the row and locking it for the rest of the transaction. */
    public long lockSize(Connection c, String org) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO merkle_tree (org, size) VALUES (?, 0) ON CONFLICT (org) DO NOTHING")) {
            ps.setString(1, org);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM merkle_tree WHERE org = ? FOR UPDATE")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The integrated size, 0 when the tree was never started. */
    public long size(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM merkle_tree WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public void setSize(Connection c, String org, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE merkle_tree SET size = ? WHERE org = ?")) {
            ps.setLong(1, size);
            ps.setString(2, org);
            ps.executeUpdate();
        }
    }

    /** The chain head's seq: how many entries the organisation's log has. */
    public long chainHead(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM chain_head WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The stored hash (hex) of the entry at {@code seq}, or null. */
    public String entryHash(Connection c, String org, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_entry WHERE org = ? AND seq = ?")) {
            ps.setString(1, org);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Leaf hashes of the leaves {@code [start, end)} (0-based; leaf i is the entry of seq i + 1). */
    public List<byte[]> leaves(Connection c, String org, long start, long end) throws SQLException {
        List<byte[]> out = new ArrayList<>((int) Math.min(end - start, 1 << 16));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash FROM audit_entry WHERE org = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setString(1, org);
            ps.setLong(2, start);
            ps.setLong(3, end);
            ps.setFetchSize(4096);
            try (ResultSet rs = ps.executeQuery()) {
                long expected = start + 1;
                while (rs.next()) {
                    if (rs.getLong(1) != expected) break;
                    out.add(MerkleTree.leafHash(HEX.parseHex(rs.getString(2))));
                    expected++;
                }
            }
        }
        if (out.size() != end - start) {
            throw new MissingLeavesException(org, start + out.size() + 1);
        }
        return out;
    }

    /** Stored nodes of {@code level}, indexes {@code [from, to)}. */
    public List<byte[]> nodes(Connection c, String org, int level, long from, long to) throws SQLException {
        List<byte[]> out = new ArrayList<>((int) (to - from));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT idx, hash FROM merkle_node WHERE org = ? AND level = ? AND idx >= ? AND idx < ? ORDER BY idx")) {
            ps.setString(1, org);
            ps.setInt(2, level);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(2));
                }
            }
        }
        if (out.size() != to - from) {
            throw new IllegalStateException(
                    "tree of " + org + " lacks nodes at level " + level + " in [" + from + ", " + to + ")");
        }
        return out;
    }

    public void insertNodes(Connection c, String org, int level, long firstIdx, List<byte[]> hashes)
            throws SQLException {
        if (hashes.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO merkle_node (org, level, idx, hash) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < hashes.size(); i++) {
                ps.setString(1, org);
                ps.setInt(2, level);
                ps.setLong(3, firstIdx + i);
                ps.setBytes(4, hashes.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * MTH of any range the RFC 6962 recursion asks for, from the stored nodes and at most 256 hashes per
     * perfect subtree; the range must lie within the integrated size.
     */
    public MerkleTree.RangeHashes tree(Connection c, String org) {
        return new MerkleTree.RangeHashes() {
            @Override
            public byte[] hash(long start, long end) {
                try {
                    return rangeHash(c, org, start, end);
                } catch (SQLException e) {
                    throw new IllegalStateException("reading the tree of " + org + " failed", e);
                }
            }
        };
    }

    private byte[] rangeHash(Connection c, String org, long start, long end) throws SQLException {
        if (!MerkleTree.isPerfect(start, end)) {
            long k = MerkleTree.split(end - start);
            return MerkleTree.nodeHash(rangeHash(c, org, start, start + k), rangeHash(c, org, start + k, end));
        }
        int level = Long.numberOfTrailingZeros(end - start);
        int stored = level / STRATUM * STRATUM;
        if (stored == 0) {
            return MerkleTree.root(leaves(c, org, start, end));
        }
        return MerkleTree.root(nodes(c, org, stored, start >> stored, end >> stored));
    }

    /** The log has no entry where the tree needs one: the chain is broken there. */
    public static final class MissingLeavesException extends IllegalStateException {
        public final long missingSeq;

        public MissingLeavesException(String org, long missingSeq) {
            super("the log of " + org + " has no entry " + missingSeq);
            this.missingSeq = missingSeq;
        }
    }
}
