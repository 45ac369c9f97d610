package org.confide.audit.chain.service;

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
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.chain.rule.EntryHasher;
import org.confide.audit.chain.rule.Jcs;
import org.confide.audit.chain.rule.StoredEntryHasher;
import org.confide.audit.ingest.IncomingEvent;
import org.jboss.logging.Logger;

/**
 * Appends a batch of events to their organisations' chains in one transaction: per organisation the chain head
 * is locked once, each event not seen before gets the next seq and its hash, and the head moves on.
 * An event id already in the log is skipped (redelivery), so every event is stored exactly once.
 */
@ApplicationScoped
@Transactional
public class ChainAppender {

    private static final Logger LOG = Logger.getLogger(ChainAppender.class);
    private static final String INSERT = """
            INSERT INTO audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role,
                                     client_id, correlation_id, source, data, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";


    @Inject
    AgroalDataSource db;

    /** Returns how many entries were appended (duplicates are not counted). */
    public int append(List<IncomingEvent> events, List<DeadLetter> rejected) throws SQLException {
        int appended = 0;
        try (Connection c = db.getConnection()) {
            setAside(c, rejected);
            // Chain heads are locked in org order, so that two replicas sharing partitions never deadlock.
            Map<String, List<IncomingEvent>> byOrg = new TreeMap<>();
            for (IncomingEvent e : events) {
                byOrg.computeIfAbsent(e.org(), k -> new java.util.ArrayList<>()).add(e);
            }
            OffsetDateTime recordedAt = AuditTime.normalise(Instant.now());
            // One per batch (it reuses its buffer): hashes the canonical data text once made, not the tree again.
            StoredEntryHasher hasher = new StoredEntryHasher();
            for (Map.Entry<String, List<IncomingEvent>> org : byOrg.entrySet()) {
                appended += appendToChain(c, org.getKey(), org.getValue(), recordedAt, hasher);
            }
        }
        return appended;
    }

    private int appendToChain(Connection c, String org, List<IncomingEvent> events, OffsetDateTime recordedAt,
                              StoredEntryHasher hasher)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO chain_head (org, seq, hash) VALUES (?, 0, ?) ON CONFLICT (org) DO NOTHING")) {
            ps.setString(1, org);
            ps.setString(2, EntryHasher.GENESIS);
            ps.executeUpdate();
        }
        long seq;
        String prev;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM chain_head WHERE org = ? FOR UPDATE")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
        }
        // Under the head lock no other appender can store these ids for this org: drop those already in the log
        // (redelivery) and repeats within the batch, then send the rest in one batch instead of a round trip each.
        Set<String> stored = alreadyStored(c, events);
        Set<String> taken = new HashSet<>();
        int appended = 0;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (IncomingEvent e : events) {
                if (stored.contains(e.id()) || !taken.add(e.id())) {
                    LOG.debugf("event %s already in the log; skipped", e.id());
                    continue;
                }
                long next = seq + 1;
                String data = Jcs.canonicalize(e.data());
                String hash = hasher.hash(prev, new StoredEntryHasher.Row(next, e.id(), e.type(),
                        AuditTime.format(e.occurredAt()), AuditTime.format(recordedAt), org, e.actorId(), e.actorRole(),
                        e.clientId(), e.correlationId(), e.source(), data));
                int i = 1;
                insert.setString(i++, org);
                insert.setLong(i++, next);
                insert.setString(i++, e.id());
                insert.setString(i++, e.type());
                insert.setTimestamp(i++, Timestamp.from(e.occurredAt().toInstant()));
                insert.setTimestamp(i++, Timestamp.from(recordedAt.toInstant()));
                insert.setString(i++, e.actorId());
                insert.setString(i++, e.actorRole());
                insert.setString(i++, e.clientId());
                insert.setString(i++, e.correlationId());
                insert.setString(i++, e.source());
                insert.setString(i++, data);
                insert.setString(i++, prev);
                insert.setString(i, hash);
                insert.addBatch();
                seq = next;
                prev = hash;
                appended++;
            }
            for (int count : insert.executeBatch()) {
                if (count != 1) {
                    // Only an id stored meanwhile under another org can get here; the retried batch skips it.
                    throw new SQLException("an event of the batch was stored concurrently; the batch is retried");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE chain_head SET seq = ?, hash = ? WHERE org = ?")) {
            ps.setLong(1, seq);
            ps.setString(2, prev);
            ps.setString(3, org);
            ps.executeUpdate();
        }
        return appended;
    }

    private static Set<String> alreadyStored(Connection c, List<IncomingEvent> events) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM audit_entry WHERE event_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", events.stream().map(IncomingEvent::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) stored.add(rs.getString(1));
            }
        }
        return stored;
    }

    private void setAside(Connection c, List<DeadLetter> rejected) throws SQLException {
        if (rejected.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dead_letter (topic, partition, "offset", message_key, payload, reason)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (DeadLetter d : rejected) {
                ps.setString(1, d.topic());
                ps.setInt(2, d.partition());
                ps.setLong(3, d.offset());
                ps.setString(4, d.key());
                ps.setString(5, d.payload());
                ps.setString(6, d.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rejected.forEach(d -> LOG.warnf("set aside %s[%d]@%d: %s", d.topic(), d.partition(), d.offset(), d.reason()));
    }

    /** A message that could not be taken as an event, kept with the reason. */
    public record DeadLetter(String topic, int partition, long offset, String key, String payload, String reason) {
    }
}
