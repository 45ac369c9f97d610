package org.confide.audit.checkpoint.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Signed checkpoints ({@code checkpoint}, append-only), on the caller's connection. */
@ApplicationScoped
public class CheckpointRepository {

    /** One stored checkpoint; {@code treeSize} is also the seq of the last entry it covers. */
    public record Row(
            String org,
            long treeSize,
            String entryHash,
            String rootHash,
            String note,
            String signature,
            String publicKey,
            OffsetDateTime signedAt) {}

    private static final String COLUMNS =
            "org, tree_size, entry_hash, root_hash, note, signature, public_key, signed_at";

    public Row latest(Connection c, String org) throws SQLException {
        List<Row> rows = query(
                c, "SELECT " + COLUMNS + " FROM checkpoint WHERE org = ? ORDER BY tree_size DESC LIMIT 1", org, 0, 1);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** Checkpoints with a tree size above {@code afterSize}, smallest first. */
    public List<Row> after(Connection c, String org, long afterSize, int limit) throws SQLException {
        return query(
                c,
                "SELECT " + COLUMNS + " FROM checkpoint WHERE org = ? AND tree_size > ? ORDER BY tree_size LIMIT ?",
                org,
                afterSize,
                limit);
    }

    /** Stores a checkpoint; false when one of that size exists already (another replica signed it). */
    public boolean insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoint (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) " + "ON CONFLICT (org, tree_size) DO NOTHING")) {
            ps.setString(1, r.org());
            ps.setLong(2, r.treeSize());
            ps.setString(3, r.entryHash());
            ps.setString(4, r.rootHash());
            ps.setString(5, r.note());
            ps.setString(6, r.signature());
            ps.setString(7, r.publicKey());
            ps.setTimestamp(8, Timestamp.from(r.signedAt().toInstant()));
            return ps.executeUpdate() == 1;
        }
    }

    private static List<Row> query(Connection c, String sql, String org, long after, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, org);
            if (sql.contains("tree_size > ?")) {
                ps.setLong(2, after);
                ps.setInt(3, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            OffsetDateTime.ofInstant(rs.getTimestamp(8).toInstant(), ZoneOffset.UTC)));
                }
            }
        }
        return out;
    }
}
