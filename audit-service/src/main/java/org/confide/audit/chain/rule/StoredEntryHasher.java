package org.confide.audit.chain.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The same chain link as {@link EntryHasher}, computed from a stored row without building a JSON tree: the fixed
 * top-level object is written in RFC 8785 key order and the stored {@code data} text (canonical when it was
 * appended) is spliced in as it is, so a row whose data was rewritten, even into equivalent JSON, no longer matches.
 * Not thread-safe: it reuses its buffer and digest (one per verification walk).
 */
public final class StoredEntryHasher {

    private static final HexFormat HEX = HexFormat.of();
    /** Integers below 2^53 print as ECMAScript Number::toString does: plain digits. */
    private static final long EXACT = 1L << 53;

    private final StringBuilder sb = new StringBuilder(1024);
    private final MessageDigest sha = EntryHasher.sha256();

    /** The stored fields of one entry; times as served (RFC 3339 UTC, milliseconds), {@code data} as stored text. */
    public record Row(long seq, String eventId, String type, String occurredAt, String recordedAt, String org,
                      String actorId, String actorRole, String clientId, String correlationId, String source,
                      String data) {
    }

    public String hash(String prevHashHex, Row r) {
        sb.setLength(0);
        // Keys in UTF-16 order: actor, clientId, correlationId, data, eventId, occurredAt, org, recordedAt, seq, source, type.
        sb.append("{\"actor\":{\"id\":");
        string(r.actorId());
        sb.append(",\"role\":");
        string(r.actorRole());
        sb.append("},\"clientId\":");
        string(r.clientId());
        sb.append(",\"correlationId\":");
        string(r.correlationId());
        sb.append(",\"data\":").append(r.data() == null ? "null" : r.data());
        sb.append(",\"eventId\":");
        string(r.eventId());
        sb.append(",\"occurredAt\":");
        string(r.occurredAt());
        sb.append(",\"org\":");
        string(r.org());
        sb.append(",\"recordedAt\":");
        string(r.recordedAt());
        sb.append(",\"seq\":");
        sb.append(Math.abs(r.seq()) < EXACT ? Long.toString(r.seq()) : Jcs.number(r.seq()));
        sb.append(",\"source\":");
        string(r.source());
        sb.append(",\"type\":");
        string(r.type());
        sb.append('}');
        sha.reset();
        sha.update(HEX.parseHex(prevHashHex));
        sha.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha.digest());
    }

    private void string(String s) {
        if (s == null) {
            sb.append("null");
        } else {
            Jcs.string(s, sb);
        }
    }
}
