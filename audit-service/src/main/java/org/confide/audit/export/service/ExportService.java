package org.confide.audit.export.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.chain.rule.EntryContent;
import org.confide.audit.export.rule.Csv;

/**
 * {@code GET /audit/export}: an organisation's entries in seq order, streamed as JSON Lines (each line the entry
 * exactly as {@code /audit/entries} serves it) or CSV. Read in keyset chunks, written as they come: the log is
 * never held in memory. From the JSON Lines of a whole log (no filters) and the public key, an outsider
 * recomputes every entry hash, the Merkle root and checks every checkpoint (docs/api.md "Hashing").
 */
@ApplicationScoped
public class ExportService {

    public static final int CHUNK = 1000;
    public static final List<String> CSV_COLUMNS = List.of(
            "seq",
            "eventId",
            "type",
            "occurredAt",
            "recordedAt",
            "org",
            "actorId",
            "actorRole",
            "clientId",
            "correlationId",
            "source",
            "data",
            "prevHash",
            "hash");

    public enum Format {
        jsonl,
        csv
    }

    /** Which entries: all filters optional; times on occurredAt, {@code [from, to)}; seqs inclusive. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, Long fromSeq, Long toSeq) {}

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    public void write(String org, Format format, Filter filter, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (format == Format.csv) {
            w.write(Csv.record(CSV_COLUMNS));
        }
        long after = filter.fromSeq() == null ? 0 : filter.fromSeq() - 1;
        long last = filter.toSeq() == null ? Long.MAX_VALUE : filter.toSeq();
        try (Connection c = db.getConnection()) {
            while (true) {
                List<Row> chunk = chunk(c, org, filter, after, last);
                for (Row r : chunk) {
                    if (format == Format.csv) {
                        EntryContent e = r.content();
                        w.write(Csv.record(Arrays.asList(
                                Long.toString(e.seq()),
                                e.eventId(),
                                e.type(),
                                e.occurredAt(),
                                e.recordedAt(),
                                e.org(),
                                e.actorId(),
                                e.actorRole(),
                                e.clientId(),
                                e.correlationId(),
                                e.source(),
                                r.dataText(),
                                r.prevHash(),
                                r.hash())));
                    } else {
                        ObjectNode o = r.content().toJson();
                        o.put("prevHash", r.prevHash());
                        o.put("hash", r.hash());
                        w.write(mapper.writeValueAsString(o));
                        w.write('\n');
                    }
                }
                w.flush();
                if (chunk.size() < CHUNK) break;
                after = chunk.getLast().content().seq();
            }
        } catch (SQLException e) {
            throw new IOException("export of " + org + " failed", e);
        }
        w.flush();
    }

    private record Row(EntryContent content, String dataText, String prevHash, String hash) {}

    /** The statement of one chunk: org, the seq after which and the last seq, then from and to when given. */
    public static String chunkSql(Filter f) {
        StringBuilder sql = new StringBuilder("""
                SELECT seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id, correlation_id,
                       source, data, prev_hash, hash
                FROM audit_entry WHERE org = ? AND seq > ? AND seq <= ?""");
        if (f.from() != null) sql.append(" AND occurred_at >= ?");
        if (f.to() != null) sql.append(" AND occurred_at < ?");
        sql.append(" ORDER BY seq LIMIT ").append(CHUNK);
        return sql.toString();
    }

    private List<Row> chunk(Connection c, String org, Filter f, long after, long last) throws SQLException {
        List<Row> rows = new ArrayList<>(CHUNK);
        try (PreparedStatement ps = c.prepareStatement(chunkSql(f))) {
            int i = 1;
            ps.setString(i++, org);
            ps.setLong(i++, after);
            ps.setLong(i++, last);
            if (f.from() != null) ps.setTimestamp(i++, Timestamp.from(f.from().toInstant()));
            if (f.to() != null) ps.setTimestamp(i, Timestamp.from(f.to().toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String data = rs.getString(11);
                    EntryContent content = new EntryContent(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            AuditTime.format(utc(rs.getTimestamp(4))),
                            AuditTime.format(utc(rs.getTimestamp(5))),
                            org,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            parse(data));
                    rows.add(new Row(content, data, rs.getString(12), rs.getString(13)));
                }
            }
        }
        return rows;
    }

    private static OffsetDateTime utc(Timestamp t) {
        return t == null ? null : OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException ex) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
