package org.confide.auditlog.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.confide.auditlog.jcs.Jcs;

/**
 * The chain link (docs/api.md "Hashing"), the one way an entry is hashed:
 * {@code hash = SHA-256(prevHash ‖ JCS(entry without prevHash and hash))}, prevHash as its 32 bytes, the JSON in UTF-8;
 * the first entry of an organisation follows 32 zero bytes ({@link #GENESIS}).
 * The fixed top-level object is written in RFC 8785 key order and the entry's {@code data} text (canonical when it was
 * appended) is spliced in as it is, so a row whose data was rewritten, even into equivalent JSON, no longer matches.
 * Not thread-safe: it reuses its buffer and digest (one per batch or verification walk).
 */
public final class EntryHasher {

    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();
    /** Integers below 2^53 print as ECMAScript Number::toString does: plain digits. */
    private static final long EXACT = 1L << 53;

    private final StringBuilder sb = new StringBuilder(1024);
    private final MessageDigest sha = sha256();

    public String hash(String prevHashHex, LogEntry e) {
        sb.setLength(0);
        // Keys in UTF-16 order: actor, clientId, correlationId, data, eventId, occurredAt, org, recordedAt, seq,
        // source, type.
        sb.append("{\"actor\":{\"id\":");
        string(e.actorId());
        sb.append(",\"role\":");
        string(e.actorRole());
        sb.append("},\"clientId\":");
        string(e.clientId());
        sb.append(",\"correlationId\":");
        string(e.correlationId());
        sb.append(",\"data\":").append(e.data() == null ? "null" : e.data());
        sb.append(",\"eventId\":");
        string(e.eventId());
        sb.append(",\"occurredAt\":");
        string(e.occurredAt());
        sb.append(",\"org\":");
        string(e.org());
        sb.append(",\"recordedAt\":");
        string(e.recordedAt());
        sb.append(",\"seq\":");
        sb.append(Math.abs(e.seq()) < EXACT ? Long.toString(e.seq()) : Jcs.number(e.seq()));
        sb.append(",\"source\":");
        string(e.source());
        sb.append(",\"type\":");
        string(e.type());
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
