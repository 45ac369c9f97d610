package org.confide.audit.verify.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The signed record of the last checkpoint verify found the log to match ({@code verified_checkpoint}). */
@ApplicationScoped
public class VerifiedCheckpointRepository {

    public record Row(String org, long treeSize, String entryHash, String rootHash, String note) {}

    @Inject
    AgroalDataSource db;

    public Row find(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT org, tree_size, entry_hash, root_hash, note FROM verified_checkpoint WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))
                        : null;
            }
        }
    }

    /**
     * Stores the record in a transaction of its own (verify reads in one long snapshot). An incremental verify only
     * moves it forward, so two verifies at once keep the larger; a full verify ({@code replace}) re-established
     * everything from the first entry and replaces whatever is stored, a record that no longer opens included.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void advance(Row r, boolean replace) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO verified_checkpoint (org, tree_size, entry_hash, root_hash, note, verified_at)
                     VALUES (?, ?, ?, ?, ?, ?)
                     ON CONFLICT (org) DO UPDATE SET tree_size = EXCLUDED.tree_size, entry_hash = EXCLUDED.entry_hash,
                         root_hash = EXCLUDED.root_hash, note = EXCLUDED.note, verified_at = EXCLUDED.verified_at
                     WHERE ? OR verified_checkpoint.tree_size < EXCLUDED.tree_size""")) {
            ps.setString(1, r.org());
            ps.setLong(2, r.treeSize());
            ps.setString(3, r.entryHash());
            ps.setString(4, r.rootHash());
            ps.setString(5, r.note());
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.setBoolean(7, replace);
            ps.executeUpdate();
        }
    }
}
