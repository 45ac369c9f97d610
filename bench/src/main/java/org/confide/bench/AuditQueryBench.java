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

    AuditQueryBench(String auditUrl, String auditDb, String dbUser, String dbPassword) {
        this.auditUrl = auditUrl;
        this.auditDb = auditDb;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    void run(Results results, long entries, int clients, String org, String complianceToken, Duration warmup,
             Duration measure) throws Exception {
        long t0 = System.nanoTime();
        load(org, entries, clients);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        CpuMeter.settle(); // the load's checkpoint writes may still be running
        HttpLoad load = new HttpLoad();
        int concurrency = 4;
        HttpLoad.Result trivial = load.run(i -> get("/session", complianceToken), concurrency, warmup, measure);
        long trails = Math.max(1, entries / TRAIL_LENGTH);
        HttpLoad.Result trail = load.run(i -> get("/audit/trails/case-" + ThreadLocalRandom.current().nextLong(trails),
                complianceToken), concurrency, warmup, measure);
        HttpLoad.Result client = load.run(i -> get("/audit/entries?limit=50&clientId=c-"
                + ThreadLocalRandom.current().nextInt(clients), complianceToken), concurrency, warmup, measure);
        if (trail.errors() > 0 || client.errors() > 0) {
            // A figure over failed requests would flatter the service: say so instead.
            throw new IllegalStateException("audit queries failed: trail " + trail.errors() + " of " + trail.requests()
                    + ", per-client " + client.errors() + " of " + client.requests());
        }
        Map<String, Object> extra = Map.of("entries", entries, "clients", clients, "concurrency", concurrency,
                "loadSeconds", loadSeconds);
        results.row("queries", "audit trail p99 (" + entries + " entries)", trail.p99Ms(), "ms", trivial.p99Ms(), "ms",
                "< 20 ms", extra);
        results.row("queries", "audit per-client p99", client.p99Ms(), "ms", trivial.p99Ms(), "ms", "< 20 ms", extra);

        HttpClient http = HttpClient.newHttpClient();
        // Warm-up: one full verify first, so that the figure is the service's steady speed, not its JIT.
        http.send(get("/audit/verify", complianceToken), HttpResponse.BodyHandlers.discarding());
        long v0 = System.nanoTime();
        HttpResponse<String> verify = http.send(get("/audit/verify", complianceToken), HttpResponse.BodyHandlers.ofString());
        double verifySeconds = (System.nanoTime() - v0) / 1e9;
        if (verify.statusCode() != 200 || !verify.body().contains("\"valid\":true")) {
            throw new IllegalStateException("verify of the generated chain failed: " + verify.statusCode() + " " + verify.body());
        }
        results.row("queries", "audit verify", entries / verifySeconds, "entries/s", sha256Rate(entries), "sha256/s",
                ">= 500000/s", extra);
    }

    /**
     * Writes a valid chain with COPY; the triggers only refuse changes, not inserts. A log of that size already written
     * for the organisation (an earlier run given the same {@code CONFIDE_BENCH_LOG_ORG}) is measured again as it is.
     */
    private void load(String org, long entries, int clients) throws Exception {
        EntryHasher hasher = new EntryHasher();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM chain_head WHERE org = ?")) {
                ps.setString(1, org);
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getLong(1) == entries) return;
                        throw new IllegalStateException(org + " already has a log of " + rs.getLong(1) + " entries, not "
                                + entries + ": give --log-entries " + rs.getLong(1) + " or another CONFIDE_BENCH_LOG_ORG");
                    }
                }
            }
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String prev = EntryHasher.GENESIS;
            StringBuilder csv = new StringBuilder();
            for (long seq = 1; seq <= entries; seq++) {
                String clientId = "c-" + (seq % clients);
                String time = base.plusMillis(seq).toString();
                String data = Jcs.canonicalize(Map.of("clientId", clientId, "n", seq));
                LogEntry e = new LogEntry(seq, UUID.randomUUID().toString(), seq % 2 == 0 ? "record.accessed" : "note.written",
                        time, time, org, "prac-" + (seq % 50), "practitioner", clientId, "case-" + (seq / TRAIL_LENGTH),
                        "records-service", data);
                String hash = hasher.hash(prev, e);
                csv.append(org).append(',').append(seq).append(',').append(e.eventId()).append(',').append(e.type()).append(',')
                        .append(time).append(',').append(time).append(',').append(e.actorId()).append(',').append(e.actorRole())
                        .append(',').append(clientId).append(',').append(e.correlationId()).append(',').append(e.source())
                        .append(",\"").append(data.replace("\"", "\"\"")).append("\",")
                        .append(prev).append(',').append(hash).append('\n');
                prev = hash;
                if (seq % 50_000 == 0 || seq == entries) {
                    copy.copyIn("COPY audit_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, "
                            + "client_id, correlation_id, source, data, prev_hash, hash) FROM STDIN WITH (FORMAT csv)",
                            new StringReader(csv.toString()));
                    csv.setLength(0);
                    c.commit();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO chain_head (org, seq, hash) VALUES (?, ?, ?) ON CONFLICT (org) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash")) {
                ps.setString(1, org);
                ps.setLong(2, entries);
                ps.setString(3, prev);
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // VACUUM as well: otherwise autovacuum takes up the 10M fresh rows in the middle of the measurement.
                st.execute("VACUUM (ANALYZE) audit_entry");
            }
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
        return HttpRequest.newBuilder(URI.create(auditUrl + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30)).GET().build();
    }
}
