package org.confide.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.jcs.Jcs;
import org.postgresql.PGConnection;

/**
 * Audit queries over a large log: a valid chain of N entries for one organisation is written straight into
 * audit-service's database (hashes computed by the log format the service uses, confide-audit-log), then trail and per-client lookups are
 * timed against GET /session of the same service, and verify's speed is compared with plain SHA-256 on one core.
 */
final class AuditQueryBench {

    private static final int TRAIL_LENGTH = 20;

    private final String auditUrl;
    private final String auditDb;
    private final String dbUser;
    private final String dbPassword;

    AuditQueryBench(String auditUrl, String auditDb, String dbUser, String dbPassword, long increment) {
        this.increment = increment;
        this.auditUrl = auditUrl;
        this.auditDb = auditDb;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    void run(
            Results results,
            long entries,
            int clients,
            String org,
            String complianceToken,
            Duration warmup,
            Duration measure)
            throws Exception {
        long t0 = System.nanoTime();
        load(org, entries, clients);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.settle(); // the load's checkpoint writes may still be running
        HttpLoad load = new HttpLoad();
        int concurrency = 4;
        HttpLoad.Result trivial = load.run(i -> get("/session", complianceToken), concurrency, warmup, measure);
        long trails = Math.max(1, entries / TRAIL_LENGTH);
        HttpLoad.Result trail = load.run(
                i -> get("/audit/trails/case-" + ThreadLocalRandom.current().nextLong(trails), complianceToken),
                concurrency,
                warmup,
                measure);
        HttpLoad.Result client = load.run(
                i -> get(
                        "/audit/entries?limit=50&clientId=c-"
                                + ThreadLocalRandom.current().nextInt(clients),
                        complianceToken),
                concurrency,
                warmup,
                measure);
        if (trail.errors() > 0 || client.errors() > 0) {
            // A figure over failed requests would flatter the service: say so instead.
            throw new IllegalStateException("audit queries failed: trail " + trail.errors() + " of " + trail.requests()
                    + ", per-client " + client.errors() + " of " + client.requests());
        }
        Map<String, Object> extra =
                Map.of("entries", entries, "clients", clients, "concurrency", concurrency, "loadSeconds", loadSeconds);
        results.row(
                "queries",
                "audit trail p99 (" + entries + " entries)",
                trail.p99Ms(),
                "ms",
                trivial.p99Ms(),
                "ms",
                "< 20 ms",
                extra);
        results.row("queries", "audit per-client p99", client.p99Ms(), "ms", trivial.p99Ms(), "ms", "< 20 ms", extra);

        HttpClient http = HttpClient.newHttpClient();
        long head = chainHead(org);
        awaitCheckpoint(
                http, complianceToken, head); // verify records the last checkpoint it passes: let it cover the log
        // Warm-up: one full verify first, so that the figure is the service's steady speed, not its JIT.
        http.send(get("/audit/verify?full=true", complianceToken), HttpResponse.BodyHandlers.discarding());
        long v0 = System.nanoTime();
        HttpResponse<String> verify =
                http.send(get("/audit/verify?full=true", complianceToken), HttpResponse.BodyHandlers.ofString());
        double verifySeconds = (System.nanoTime() - v0) / 1e9;
        if (verify.statusCode() != 200 || !verify.body().contains("\"valid\":true")) {
            throw new IllegalStateException(
                    "verify of the generated chain failed: " + verify.statusCode() + " " + verify.body());
        }
        results.row(
                "queries",
                "audit verify",
                head / verifySeconds,
                "entries/s",
                sha256Rate(head),
                "sha256/s",
                ">= 500000/s",
                extra);
        // Issue 21: the full verify beside a plain read of the same rows (what reading alone costs), in the same run.
        double plainFull = plainRead(org, 0, head);
        results.row(
                "queries",
                "audit verify full (" + head + " entries)",
                verifySeconds,
                "s",
                plainFull,
                "s plain read",
                "a few times the plain read",
                extra);

        // The incremental verify of the day's entries: increment more entries, then GET /audit/verify continues from
        // the checkpoint the full verify recorded. Only on a log written by this run (a re-run has verified them).
        if (head == entries) {
            append(org, head, increment);
            awaitCheckpoint(http, complianceToken, head + increment);
            CpuMeter.settle();
            long i0 = System.nanoTime();
            HttpResponse<String> incremental =
                    http.send(get("/audit/verify", complianceToken), HttpResponse.BodyHandlers.ofString());
            double incrementalSeconds = (System.nanoTime() - i0) / 1e9;
            if (incremental.statusCode() != 200 || !incremental.body().contains("\"valid\":true")) {
                throw new IllegalStateException(
                        "incremental verify failed: " + incremental.statusCode() + " " + incremental.body());
            }
            double plainTail = plainRead(org, head, head + increment);
            Map<String, Object> tail = new java.util.HashMap<>(extra);
            tail.put("appended", increment);
            tail.put("verifyAnswer", incremental.body());
            results.row(
                    "queries",
                    "audit verify incremental (last " + increment + " of " + (head + increment) + ")",
                    incrementalSeconds,
                    "s",
                    plainTail,
                    "s plain read",
                    "about the plain read of the new entries, not of the log",
                    tail);
        } else {
            System.out.println("bench: the log of " + org + " was verified by an earlier run: no incremental verify row"
                    + " (give another CONFIDE_BENCH_LOG_ORG)");
        }
    }

    /** Entries appended for the incremental verify: a day's worth for a busy organisation (100k by default). */
    private final long increment;

    private long chainHead(String org) throws Exception {
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword);
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM chain_head WHERE org = ?")) {
            ps.setString(1, org);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Waits until a signed checkpoint covers {@code size} entries (the service integrates and signs in the background). */
    private void awaitCheckpoint(HttpClient http, String token, long size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r =
                    http.send(get("/audit/checkpoints/latest", token), HttpResponse.BodyHandlers.ofString());
            // The JSON's member order is the mapper's: match the member wherever it stands.
            if (r.statusCode() == 200 && r.body().matches("(?s).*\"treeSize\"\\s*:\\s*" + size + "\\s*[,}].*")) return;
            Thread.sleep(500);
        }
        throw new IllegalStateException("no checkpoint of " + size + " entries within 15 minutes");
    }

    /** Seconds to stream the rows (afterSeq, lastSeq] that verify reads, doing nothing with them: the baseline. */
    private double plainRead(String org, long afterSeq, long lastSeq) throws Exception {
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword)) {
            c.setAutoCommit(false); // a cursor: rows arrive in batches, as verify reads them
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id, correlation_id,
                           source, data, prev_hash, hash
                    FROM audit_entry WHERE org = ? AND seq > ? AND seq <= ? ORDER BY seq""")) {
                ps.setFetchSize(5000);
                ps.setString(1, org);
                ps.setLong(2, afterSeq);
                ps.setLong(3, lastSeq);
                long t0 = System.nanoTime();
                long n = 0;
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n += rs.getString(13).length();
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (n == 0 && lastSeq > afterSeq) throw new IllegalStateException("no rows read for the plain read");
                return seconds;
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Writes a valid chain with COPY; the triggers only refuse changes, not inserts. A log of that size already written
     * for the organisation (an earlier run given the same {@code CONFIDE_BENCH_LOG_ORG}) is measured again as it is.
     */
    private void load(String org, long entries, int clients) throws Exception {
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM chain_head WHERE org = ?")) {
                ps.setString(1, org);
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getLong(1) == entries || rs.getLong(1) == entries + increment) return;
                        throw new IllegalStateException(org + " already has a log of " + rs.getLong(1)
                                + " entries, not " + entries + ": give --log-entries " + rs.getLong(1)
                                + " or another CONFIDE_BENCH_LOG_ORG");
                    }
                }
            }
            writeChain(c, org, 0, EntryHasher.GENESIS, entries, clients);
        }
    }

    /** Appends {@code count} entries to the organisation's chain after entry {@code afterSeq}, linked to it. */
    private void append(String org, long afterSeq, long count) throws Exception {
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword);
                PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_entry WHERE org = ? AND seq = ?")) {
            ps.setString(1, org);
            ps.setLong(2, afterSeq);
            String prev;
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException(org + " has no entry " + afterSeq);
                prev = rs.getString(1);
            }
            writeChain(c, org, afterSeq, prev, count, 1000);
        }
    }

    /** Writes entries afterSeq+1 .. afterSeq+count with COPY, chained from {@code prev}, and moves the chain head. */
    private static void writeChain(Connection c, String org, long afterSeq, String prev, long count, int clients)
            throws Exception {
        EntryHasher hasher = new EntryHasher();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        c.setAutoCommit(false);
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder csv = new StringBuilder();
        long last = afterSeq + count;
        for (long seq = afterSeq + 1; seq <= last; seq++) {
            String clientId = "c-" + (seq % clients);
            String time = base.plusMillis(seq).toString();
            String data = Jcs.canonicalize(Map.of("clientId", clientId, "n", seq));
            LogEntry e = new LogEntry(
                    seq,
                    UUID.randomUUID().toString(),
                    seq % 2 == 0 ? "record.accessed" : "note.written",
                    time,
                    time,
                    org,
                    "prac-" + (seq % 50),
                    "practitioner",
                    clientId,
                    "case-" + (seq / TRAIL_LENGTH),
                    "records-service",
                    data);
            String hash = hasher.hash(prev, e);
            csv.append(org)
                    .append(',')
                    .append(seq)
                    .append(',')
                    .append(e.eventId())
                    .append(',')
                    .append(e.type())
                    .append(',')
                    .append(time)
                    .append(',')
                    .append(time)
                    .append(',')
                    .append(e.actorId())
                    .append(',')
                    .append(e.actorRole())
                    .append(',')
                    .append(clientId)
                    .append(',')
                    .append(e.correlationId())
                    .append(',')
                    .append(e.source())
                    .append(",\"")
                    .append(data.replace("\"", "\"\""))
                    .append("\",")
                    .append(prev)
                    .append(',')
                    .append(hash)
                    .append('\n');
            prev = hash;
            if (seq % 50_000 == 0 || seq == last) {
                copy.copyIn(
                        "COPY audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, "
                                + "client_id, correlation_id, source, data, prev_hash, hash) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv.toString()));
                csv.setLength(0);
                c.commit();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO chain_head (org, seq, hash) VALUES (?, ?, ?) ON CONFLICT (org) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash")) {
            ps.setString(1, org);
            ps.setLong(2, last);
            ps.setString(3, prev);
            ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            // VACUUM as well: otherwise autovacuum takes up the fresh rows in the middle of the measurement.
            st.execute("VACUUM (ANALYZE) audit_entry");
        }
    }

    /** Plain SHA-256 over messages of an entry's size, on one core: what verify can at best approach. */
    private static double sha256Rate(long n) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] msg = new byte[32 + 330];
        long count = Math.min(n, 2_000_000);
        long t0 = System.nanoTime();
        for (long i = 0; i < count; i++) {
            msg[0] = (byte) i;
            sha.update(msg);
            msg[1] = sha.digest()[0];
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(auditUrl + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30))
                .GET()
                .build();
    }
}
