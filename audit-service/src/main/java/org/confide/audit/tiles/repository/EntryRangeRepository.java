package org.confide.audit.tiles.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.confide.audit.chain.AuditTime;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.tiles.Tiles;

/** Entries by seq range, as entry bundles hold them (the entry as served, in JCS form). */
@ApplicationScoped
public class EntryRangeRepository {

    /** The JCS form of the entries {@code (afterSeq, lastSeq]}, in seq order; fewer when the log has fewer. */
    public List<byte[]> entries(Connection c, String org, long afterSeq, long lastSeq) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id, correlation_id,
                       source, data, prev_hash, hash
                FROM audit_entry WHERE org = ? AND seq > ? AND seq <= ? ORDER BY seq""")) {
            ps.setString(1, org);
            ps.setLong(2, afterSeq);
            ps.setLong(3, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LogEntry e = new LogEntry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            AuditTime.format(rs.getObject(4, OffsetDateTime.class)),
                            AuditTime.format(rs.getObject(5, OffsetDateTime.class)),
                            org,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11));
                    out.add(Tiles.entryJson(e, rs.getString(12), rs.getString(13)));
                }
            }
        }
        return out;
    }
}
