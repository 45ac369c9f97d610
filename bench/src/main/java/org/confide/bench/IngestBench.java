package org.confide.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.confide.events.ConsentEvents;
import org.confide.events.DisclosureEvents;
import org.confide.events.EventData;
import org.confide.events.RecordsEvents;

/**
 * Audit ingest: events per second from Kafka to committed, chained audit rows, against a plain JDBC batch insert
 * of the same rows into the same database (no chain, no triggers, no Kafka).
 */
final class IngestBench {

    private final String kafka;
    private final String auditDb;
    private final String dbUser;
    private final String dbPassword;

    IngestBench(String kafka, String auditDb, String dbUser, String dbPassword) {
        this.kafka = kafka;
        this.auditDb = auditDb;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    void run(Results results, int events, int orgs) throws Exception {
        // A backlog of an earlier part (audit-service still ingesting) would be charged to this one: wait it out.
        awaitAuditCaughtUp(Duration.ofMinutes(5));
        CpuMeter.settle();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String[] orgIds = new String[orgs];
        for (int i = 0; i < orgs; i++) orgIds[i] = "bench-" + runId + "-" + i;

        long t0 = System.nanoTime();
        long produced;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps())) {
            for (int i = 0; i < events; i++) {
                String client = "c-" + (i % 10_000);
                String org = orgIds[i % orgs];
                producer.send(event(org, client, i));
            }
            producer.flush();
            produced = System.nanoTime();
        }
        long stored = 0;
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword)) {
            String sql = "SELECT coalesce(sum(seq), 0) FROM chain_head WHERE org LIKE 'bench-" + runId + "-%'";
            long deadline = System.currentTimeMillis() + Math.max(120_000, events / 5);
            while (stored < events) {
                if (System.currentTimeMillis() > deadline) {
                    // A busy machine makes a slow rate, not a failed run: the rate of what was stored is reported.
                    System.out.printf(
                            "# ingest: %d of %d events stored by the deadline; the rate is of those%n", stored, events);
                    break;
                }
                Thread.sleep(100);
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    stored = rs.getLong(1);
                }
            }
        }
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        double ingestRate = Math.min(stored, events) / ingestSeconds;
        double plainRate = plainInsert(events, orgIds);
        double copyRate = copyCeiling(events, orgIds);
        Map<String, Object> extra = Map.of(
                "events",
                events,
                "orgs",
                orgs,
                "produceSeconds",
                (produced - t0) / 1e9,
                "ingestSeconds",
                ingestSeconds,
                "stored",
                Math.min(stored, events));
        results.row(
                "ingest",
                "audit ingest (Kafka -> chain)",
                ingestRate,
                "events/s",
                plainRate,
                "rows/s",
                ">= 20000/s and >= 0.30 of plain insert",
                extra);
        // issue 24: the ceiling is COPY of the same rows into the same schema (its indexes and constraints, no chain).
        results.row(
                "ingest",
                "audit ingest vs COPY ceiling",
                ingestRate,
                "events/s",
                copyRate,
                "rows/s",
                ">= 0.50 of COPY",
                extra);
    }

    /**
     * Waits (at most {@code max}) until audit-service's consumer group has no lag on the three topics: the events of
     * an earlier part are all ingested. Gives up quietly (the rate then includes that backlog; the run says so).
     */
    private void awaitAuditCaughtUp(Duration max) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        long deadline = System.nanoTime() + max.toNanos();
        long lag = -1;
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("audit-service")
                        .partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                lag = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null)
                        lag += ends.get(e.getKey()).offset() - e.getValue().offset();
                }
                if (lag == 0) return;
                Thread.sleep(1000);
            }
        }
        System.out.printf("# ingest: audit-service still %d events behind after %s; measured anyway%n", lag, max);
    }

    /**
     * The ceiling: the same rows as {@link #plainInsert}, by {@code COPY} (text format, 5,000 rows a commit, as ingest
     * commits batches) into a copy of the table with its indexes and constraints, without the chain or triggers.
     */
    private double copyCeiling(int events, String[] orgIds) throws Exception {
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword)) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_copy_entry");
                st.execute("CREATE TABLE bench_copy_entry (LIKE audit_entry INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy =
                    c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            String now = Instant.now().toString();
            String hash = "0".repeat(64);
            long t0 = System.nanoTime();
            StringBuilder batch = new StringBuilder(1 << 20);
            for (int i = 0; i < events; i++) {
                String client = "c-" + (i % 10_000);
                batch.append(orgIds[i % orgIds.length])
                        .append('\t')
                        .append(i + 1L)
                        .append('\t')
                        .append(UUID.randomUUID())
                        .append("\tclient.registered\t")
                        .append(now)
                        .append('\t')
                        .append(now)
                        .append("\tprac-1\tpractitioner\t")
                        .append(client)
                        .append("\tcorr-")
                        .append(i)
                        .append("\trecords-service\t{\"clientId\":\"")
                        .append(client)
                        .append("\",\"programme\":\"COUNSELLING\"}\t")
                        .append(hash)
                        .append('\t')
                        .append(hash)
                        .append('\n');
                if ((i + 1) % 5000 == 0 || i == events - 1) {
                    copy.copyIn(
                            "COPY bench_copy_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, "
                                    + "actor_role, client_id, correlation_id, source, data, prev_hash, hash) FROM STDIN",
                            new java.io.StringReader(batch.toString()));
                    c.commit();
                    batch.setLength(0);
                }
            }
            double rate = events / ((System.nanoTime() - t0) / 1e9);
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE bench_copy_entry");
            }
            c.commit();
            return rate;
        }
    }

    /** The baseline: the same number of rows, batch-inserted into a copy of the table without chain or triggers. */
    private double plainInsert(int events, String[] orgIds) throws Exception {
        try (Connection c = DriverManager.getConnection(auditDb, dbUser, dbPassword)) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_plain_entry");
                st.execute("CREATE TABLE bench_plain_entry (LIKE audit_entry INCLUDING DEFAULTS INCLUDING INDEXES)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            String sql = "INSERT INTO bench_plain_entry (org, seq, event_id, type, occurred_at, recorded_at, actor_id, "
                    + "actor_role, client_id, correlation_id, source, data, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Timestamp now = Timestamp.from(Instant.now());
                String hash = "0".repeat(64);
                for (int i = 0; i < events; i++) {
                    String client = "c-" + (i % 10_000);
                    ps.setString(1, orgIds[i % orgIds.length]);
                    ps.setLong(2, i + 1L);
                    ps.setString(3, UUID.randomUUID().toString());
                    ps.setString(4, "client.registered");
                    ps.setTimestamp(5, now);
                    ps.setTimestamp(6, now);
                    ps.setString(7, "prac-1");
                    ps.setString(8, "practitioner");
                    ps.setString(9, client);
                    ps.setString(10, "corr-" + i);
                    ps.setString(11, "records-service");
                    ps.setString(12, "{\"clientId\":\"" + client + "\",\"programme\":\"COUNSELLING\"}");
                    ps.setString(13, hash);
                    ps.setString(14, hash);
                    ps.addBatch();
                    if ((i + 1) % 500 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            double rate = events / ((System.nanoTime() - t0) / 1e9);
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE bench_plain_entry");
            }
            c.commit();
            return rate;
        }
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "20");
        p.put("batch.size", "262144");
        return p;
    }

    /** One event of the three topics in turn, each a declared type about {@code client}, as its service sends it. */
    private static ProducerRecord<String, String> event(String org, String client, int i) {
        EventData data = switch (i % 3) {
            case 0 -> new RecordsEvents.RecordAccessed(client, "CARE", "client");
            case 1 ->
                new ConsentEvents.CapacityAssessed(
                        UUID.randomUUID().toString(), client, "INFORMATION_SHARING", true, "R-CONS-5");
            default ->
                new DisclosureEvents.Closed(
                        UUID.randomUUID().toString(), client, null, "CLOSED", "JUSTIFIED", null, "R-PROC-1");
        };
        return BenchEvents.record(org, data);
    }
}
