package org.confide.audit.witness.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Witnesses' cosignatures of checkpoints ({@code checkpoint_cosignature}), on the caller's connection. */
@ApplicationScoped
public class CosignatureRepository {

    /** One cosignature: the witness's key name and key hash, its time, and its signature line. */
    public record Row(
            String org, long treeSize, String witness, String keyId, OffsetDateTime cosignedAt, String line) {}

    /** The largest size {@code witness} cosigned of the organisation's log; 0 when none. */
    public long lastCosigned(Connection c, String org, String witness) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT max(tree_size) FROM checkpoint_cosignature WHERE org = ? AND witness = ?")) {
            ps.setString(1, org);
            ps.setString(2, witness);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public List<Row> of(Connection c, String org, long treeSize) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT witness, key_id, cosigned_at, line FROM checkpoint_cosignature"
                        + " WHERE org = ? AND tree_size = ? ORDER BY witness")) {
            ps.setString(1, org);
            ps.setLong(2, treeSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(
                            org,
                            treeSize,
                            rs.getString(1),
                            rs.getString(2),
                            OffsetDateTime.ofInstant(rs.getTimestamp(3).toInstant(), ZoneOffset.UTC),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    public void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO checkpoint_cosignature (org, tree_size, witness, key_id,"
                        + " cosigned_at, line) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, r.org());
            ps.setLong(2, r.treeSize());
            ps.setString(3, r.witness());
            ps.setString(4, r.keyId());
            ps.setTimestamp(5, Timestamp.from(Instant.from(r.cosignedAt())));
            ps.setString(6, r.line());
            ps.executeUpdate();
        }
    }
}
