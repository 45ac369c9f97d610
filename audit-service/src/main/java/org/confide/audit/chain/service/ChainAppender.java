package org.confide.audit.chain.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.chain.rule.CanonicalJson;
import org.confide.audit.chain.rule.CopyText;
import org.confide.audit.ingest.IncomingEvent;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends a batch of events to their organisations' chains in one transaction: the batch's chain heads are locked
 * once, each event not seen before gets its organisation's next seq and its hash, and the heads move on.
 * An event id already in the log is skipped (redelivery), so every event is stored exactly once.
 * A batch costs a fixed handful of round trips whatever its size and number of organisations (bench: audit ingest):
 * heads made and locked, one duplicate check, the rows in one COPY, the heads moved in one statement.
 */
@ApplicationScoped
// Rolled back on any failure (SQLException is checked): a batch the database refused leaves nothing behind.
@Transactional(rollbackOn = Exception.class)
public class ChainAppender {

    private static final Logger LOG = Logger.getLogger(ChainAppender.class);
    private static final String COPY = """
            COPY audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id,
                              correlation_id, source, data, prev_hash, hash) FROM STDIN""";
    /** Rows are sent to the server in pieces of about this many bytes. */
    private static final int COPY_CHUNK = 256 * 1024;

    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * The duplicate check: which of the batch's event ids are already in the log. One probe of the unique index per id,
     * whatever the size of the log: a LATERAL subquery with LIMIT cannot be turned into a hash join, whereas
     * {@code event_id = ANY (?)} with thousands of ids was planned as a sequential scan of the whole log (issue 16).
     */
    public static final String STORED_IDS = """
            SELECT s.event_id FROM unnest(?::text[]) AS u(id)
            CROSS JOIN LATERAL (SELECT e.event_id FROM audit_entry e WHERE e.event_id = u.id LIMIT 1) AS s""";

    @Inject
    AgroalDataSource db;

    /** Returns how many entries were appended (duplicates are not counted). */
    public int append(List<IncomingEvent> events, List<DeadLetter> rejected) throws SQLException {
        try (Connection c = db.getConnection()) {
            setAside(c, rejected);
            if (events.isEmpty()) return 0;
            // Chain heads are locked in org order, so that two replicas sharing partitions never deadlock.
            Map<String, List<IncomingEvent>> byOrg = new TreeMap<>();
            for (IncomingEvent e : events) {
                byOrg.computeIfAbsent(e.org(), k -> new ArrayList<>()).add(e);
            }
            String[] orgs = byOrg.keySet().toArray(String[]::new);
            Map<String, Head> heads = lockHeads(c, orgs);
            // Under the head locks no other appender can store these ids for these orgs: drop those already in the
            // log (redelivery) and repeats within the batch.
            Set<String> stored = alreadyStored(c, events);
            Set<String> taken = new HashSet<>();
            String recordedAt = AuditTime.format(AuditTime.normalise(Instant.now()));
            // One per batch (it reuses its buffer): hashes the canonical data text once made, not the tree again.
            EntryHasher hasher = new EntryHasher();
            StringBuilder rows = new StringBuilder(Math.min(events.size(), 5000) * 600);
            CopyIn copy = null;
            int appended = 0;
            try {
                for (Map.Entry<String, List<IncomingEvent>> group : byOrg.entrySet()) {
                    String org = group.getKey();
                    Head head = heads.get(org);
                    for (IncomingEvent e : group.getValue()) {
                        if (stored.contains(e.id()) || !taken.add(e.id())) {
                            LOG.debugf("event %s already in the log; skipped", e.id());
                            continue;
                        }
                        long next = head.seq + 1;
                        String data = CanonicalJson.of(e.data());
                        String occurredAt = AuditTime.format(e.occurredAt());
                        String hash = hasher.hash(
                                head.hash,
                                new LogEntry(
                                        next,
                                        e.id(),
                                        e.type(),
                                        occurredAt,
                                        recordedAt,
                                        org,
                                        e.actorId(),
                                        e.actorRole(),
                                        e.clientId(),
                                        e.correlationId(),
                                        e.source(),
                                        data));
                        row(rows, org, next, e, occurredAt, recordedAt, data, head.hash, hash);
                        head.seq = next;
                        head.hash = hash;
                        appended++;
                        if (rows.length() >= COPY_CHUNK) {
                            if (copy == null)
                                copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
                            send(copy, rows);
                        }
                    }
                }
                if (appended > 0) {
                    if (copy == null)
                        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
                    send(copy, rows);
                    long copied = copy.endCopy();
                    copy = null;
                    if (copied != appended) {
                        throw new SQLException(
                                "stored " + copied + " of " + appended + " entries; the batch is retried");
                    }
                }
            } catch (SQLException e) {
                if (copy != null && copy.isActive()) copy.cancelCopy();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // Only an id stored meanwhile under another org can get here; the retried batch skips it.
                    throw new SQLException("an event of the batch was stored concurrently; the batch is retried", e);
                }
                throw e;
            }
            if (appended > 0) moveHeads(c, heads);
            return appended;
        }
    }

    /**
     * Whether the database refused the content of the rows (a data exception such as a NUL character, an integrity
     * violation other than a duplicate, a limit such as an index entry too large): the same rows can never be stored,
     * so retrying the batch would stop ingest for ever. A duplicate, a lost connection or a timeout is worth a retry.
     */
    public static boolean refusesContent(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() != 5) return false;
        return state.startsWith("22")
                || state.startsWith("54")
                || (state.startsWith("23") && !UNIQUE_VIOLATION.equals(state));
    }

    /** Makes the heads of new organisations and locks all of the batch's heads, in the order given. */
    private static Map<String, Head> lockHeads(Connection c, String[] orgs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO chain_head (org, seq, hash)
                SELECT o.org, 0, ? FROM unnest(?::text[]) WITH ORDINALITY AS o(org, i) ORDER BY o.i
                ON CONFLICT (org) DO NOTHING""")) {
            ps.setString(1, EntryHasher.GENESIS);
            ps.setArray(2, c.createArrayOf("text", orgs));
            ps.executeUpdate();
        }
        Map<String, Head> heads = new HashMap<>();
        // ORDER BY is applied before FOR UPDATE locks the rows, so they are locked in the array's order.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT h.org, h.seq, h.hash FROM unnest(?::text[]) WITH ORDINALITY AS o(org, i)
                JOIN chain_head h ON h.org = o.org ORDER BY o.i FOR UPDATE OF h""")) {
            ps.setArray(1, c.createArrayOf("text", orgs));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) heads.put(rs.getString(1), new Head(rs.getLong(2), rs.getString(3)));
            }
        }
        if (heads.size() != orgs.length) {
            throw new SQLException(
                    "found " + heads.size() + " of " + orgs.length + " chain heads; the batch is retried");
        }
        return heads;
    }

    private static void moveHeads(Connection c, Map<String, Head> heads) throws SQLException {
        String[] orgs = new String[heads.size()];
        Long[] seqs = new Long[heads.size()];
        String[] hashes = new String[heads.size()];
        int i = 0;
        for (Map.Entry<String, Head> h : heads.entrySet()) {
            orgs[i] = h.getKey();
            seqs[i] = h.getValue().seq;
            hashes[i++] = h.getValue().hash;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE chain_head h SET seq = u.seq, hash = u.hash
                FROM unnest(?::text[], ?::bigint[], ?::text[]) AS u(org, seq, hash) WHERE h.org = u.org""")) {
            ps.setArray(1, c.createArrayOf("text", orgs));
            ps.setArray(2, c.createArrayOf("bigint", seqs));
            ps.setArray(3, c.createArrayOf("text", hashes));
            ps.executeUpdate();
        }
    }

    /** One audit_entry row in COPY text form; times as hashed (RFC 3339 UTC), which PostgreSQL reads as they are. */
    private static void row(
            StringBuilder sb,
            String org,
            long seq,
            IncomingEvent e,
            String occurredAt,
            String recordedAt,
            String data,
            String prevHash,
            String hash) {
        CopyText.field(org, sb);
        sb.append('\t').append(seq).append('\t');
        CopyText.field(e.id(), sb);
        sb.append('\t');
        CopyText.field(e.type(), sb);
        sb.append('\t')
                .append(CopyText.timestampInput(occurredAt))
                .append('\t')
                .append(CopyText.timestampInput(recordedAt))
                .append('\t');
        CopyText.field(e.actorId(), sb);
        sb.append('\t');
        CopyText.field(e.actorRole(), sb);
        sb.append('\t');
        CopyText.field(e.clientId(), sb);
        sb.append('\t');
        CopyText.field(e.correlationId(), sb);
        sb.append('\t');
        CopyText.field(e.source(), sb);
        sb.append('\t');
        CopyText.field(data, sb);
        sb.append('\t').append(prevHash).append('\t').append(hash).append('\n');
    }

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    private static Set<String> alreadyStored(Connection c, List<IncomingEvent> events) throws SQLException {
        Set<String> stored = new HashSet<>();
        String[] ids = new String[events.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = events.get(i).id();
        try (PreparedStatement ps = c.prepareStatement(STORED_IDS)) {
            ps.setArray(1, c.createArrayOf("text", ids));
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
                ps.setString(4, storable(d.key()));
                ps.setString(5, storable(d.payload()));
                ps.setString(6, d.reason() == null ? "(no reason given)" : storable(d.reason()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rejected.forEach(d -> LOG.warnf("set aside %s[%d]@%d: %s", d.topic(), d.partition(), d.offset(), d.reason()));
    }

    /** A NUL cannot be stored in a text column: written as its JSON escape, so that a dead letter can always be kept. */
    private static String storable(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "\\u0000");
    }

    /** An organisation's chain head while the batch is appended to it (locked). */
    private static final class Head {
        long seq;
        String hash;

        Head(long seq, String hash) {
            this.seq = seq;
            this.hash = hash;
        }
    }

    /** A message that could not be taken as an event, kept with the reason. */
    public record DeadLetter(String topic, int partition, long offset, String key, String payload, String reason) {}
}
