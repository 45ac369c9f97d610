package org.confide.auditlog.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.jcs.Jcs;

/**
 * C2SP tlog-tiles for an organisation's log (docs/api.md "A log others can check and witness"): the tree as hash tiles
 * {@code tile/<L>/<N>[.p/<W>]} (256 hashes of level 8L, a partial tile fewer) and the entries as bundles
 * {@code tile/entries/<N>[.p/<W>]} of big-endian uint16 length-prefixed entries. A level 0 tile holds the leaves
 * RFC 6962 hashes from the entries' own hashes; each bundle entry is the entry as served, in JCS form (with
 * {@code prevHash} and {@code hash}), from which its hash, and so its leaf, is recomputed.
 */
public final class Tiles {

    /** Hashes in a full tile, entries in a full bundle. */
    public static final int WIDTH = 256;
    /** The level of entry bundles in a {@link TilePath}. */
    public static final int ENTRIES = -1;

    private Tiles() {}

    /** A tile or bundle: level (or {@link #ENTRIES}), index, width (256: full). */
    public record TilePath(int level, long index, int width) {

        public boolean full() {
            return width == WIDTH;
        }

        /** The path under the log's prefix, e.g. {@code tile/1/x001/x234/067.p/17}. */
        public String path() {
            return "tile/" + (level == ENTRIES ? "entries" : Integer.toString(level)) + "/" + encodeIndex(index)
                    + (full() ? "" : ".p/" + width);
        }
    }

    /** An index as zero-padded 3-digit path elements, all but the last starting with x: 1234067 is x001/x234/067. */
    public static String encodeIndex(long n) {
        if (n < 0) throw new IllegalArgumentException("a tile index is not negative");
        String last = String.format("%03d", n % 1000);
        StringBuilder sb = new StringBuilder();
        for (long rest = n / 1000; rest > 0; rest /= 1000) {
            sb.insert(0, String.format("x%03d/", rest % 1000));
        }
        return sb.append(last).toString();
    }

    /** Parses {@code <L>/<N>[.p/<W>]} or {@code entries/<N>[.p/<W>]} (the part after {@code tile/}); null if malformed. */
    public static TilePath parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 2) return null;
        int level;
        if (parts[0].equals("entries")) {
            level = ENTRIES;
        } else if (parts[0].matches("0|[1-9][0-9]?") && Integer.parseInt(parts[0]) <= 63) {
            level = Integer.parseInt(parts[0]);
        } else {
            return null;
        }
        int end = parts.length;
        int width = WIDTH;
        if (parts.length >= 3 && parts[parts.length - 2].endsWith(".p")) {
            String w = parts[parts.length - 1];
            if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) > 255) return null;
            width = Integer.parseInt(w);
            parts[parts.length - 2] = parts[parts.length - 2].substring(0, parts[parts.length - 2].length() - 2);
            end = parts.length - 1;
        }
        long index = 0;
        for (int i = 1; i < end; i++) {
            String p = parts[i];
            boolean last = i == end - 1;
            if (last ? !p.matches("[0-9]{3}") : !p.matches("x[0-9]{3}")) return null;
            if (index > (Long.MAX_VALUE - 999) / 1000) return null;
            index = index * 1000 + Integer.parseInt(last ? p : p.substring(1));
        }
        if (end - 1 > 1 && parts[1].equals("x000")) return null; // no leading zero elements: one spelling per index
        return new TilePath(level, index, width);
    }

    /** The hash tiles of a tree of {@code size} leaves, level by level (C2SP tlog-tiles "Partial Tiles"). */
    public static List<TilePath> tilesOf(long size) {
        List<TilePath> out = new ArrayList<>();
        for (int level = 0; level < 8 && (size >> (8 * level)) > 0; level++) {
            long atLevel = size >> (8 * level);
            long full = atLevel >> 8;
            for (long n = 0; n < full; n++) out.add(new TilePath(level, n, WIDTH));
            int partial = (int) (atLevel & 0xff);
            if (partial > 0) out.add(new TilePath(level, full, partial));
        }
        return out;
    }

    /** The tile of level {@code level} holding hash {@code index} of that level, as a tree of {@code size} has it. */
    public static TilePath tileFor(int level, long index, long size) {
        long n = index >> 8;
        long atLevel = size >> (8 * level);
        int width = (n + 1) << 8 <= atLevel ? WIDTH : (int) (atLevel & 0xff);
        if (index >= atLevel)
            throw new IllegalArgumentException("a tree of " + size + " has no hash " + index + " at level " + level);
        return new TilePath(level, n, width);
    }

    /** An entry bundle: each entry as a big-endian uint16 length and its bytes. */
    public static byte[] bundle(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            if (e.length > 0xffff)
                throw new IllegalArgumentException("an entry of " + e.length + " bytes does not fit a bundle");
            out.write(e.length >> 8);
            out.write(e.length & 0xff);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    public static List<byte[]> unbundle(byte[] bundle) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(bundle);
        while (b.hasRemaining()) {
            if (b.remaining() < 2) throw new IllegalArgumentException("a bundle ends inside a length");
            int n = b.getShort() & 0xffff;
            if (b.remaining() < n) throw new IllegalArgumentException("a bundle ends inside an entry");
            byte[] e = new byte[n];
            b.get(e);
            out.add(e);
        }
        return out;
    }

    /**
     * The entry as served (docs/api.md "Audit data"), in JCS form: its hashed content with {@code data} spliced in as
     * stored (canonical), plus {@code prevHash} and {@code hash}. Keys in UTF-16 order.
     */
    public static byte[] entryJson(LogEntry e, String prevHash, String hash) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("{\"actor\":{\"id\":");
        str(e.actorId(), sb);
        sb.append(",\"role\":");
        str(e.actorRole(), sb);
        sb.append("},\"clientId\":");
        str(e.clientId(), sb);
        sb.append(",\"correlationId\":");
        str(e.correlationId(), sb);
        sb.append(",\"data\":").append(e.data() == null ? "null" : e.data());
        sb.append(",\"eventId\":");
        str(e.eventId(), sb);
        sb.append(",\"hash\":");
        str(hash, sb);
        sb.append(",\"occurredAt\":");
        str(e.occurredAt(), sb);
        sb.append(",\"org\":");
        str(e.org(), sb);
        sb.append(",\"prevHash\":");
        str(prevHash, sb);
        sb.append(",\"recordedAt\":");
        str(e.recordedAt(), sb);
        sb.append(",\"seq\":").append(e.seq());
        sb.append(",\"source\":");
        str(e.source(), sb);
        sb.append(",\"type\":");
        str(e.type(), sb);
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a bundle entry says, as the chain hashes it, with its prevHash and hash. */
    public record BundleEntry(LogEntry entry, String prevHash, String hash) {}

    /** Reads a bundle entry (any JSON spelling): the entry, its data canonicalised, and its chain fields. */
    @SuppressWarnings("unchecked")
    public static BundleEntry readEntry(byte[] json) {
        Map<String, Object> m =
                (Map<String, Object>) org.confide.auditlog.jcs.Json.parse(new String(json, StandardCharsets.UTF_8));
        Map<String, Object> actor = (Map<String, Object>) m.get("actor");
        Object data = m.get("data");
        LogEntry e = new LogEntry(
                ((java.math.BigDecimal) m.get("seq")).longValueExact(),
                (String) m.get("eventId"),
                (String) m.get("type"),
                (String) m.get("occurredAt"),
                (String) m.get("recordedAt"),
                (String) m.get("org"),
                actor == null ? null : (String) actor.get("id"),
                actor == null ? null : (String) actor.get("role"),
                (String) m.get("clientId"),
                (String) m.get("correlationId"),
                (String) m.get("source"),
                data == null ? null : Jcs.canonicalize(data));
        return new BundleEntry(e, (String) m.get("prevHash"), (String) m.get("hash"));
    }

    private static void str(String s, StringBuilder sb) {
        if (s == null) {
            sb.append("null");
        } else {
            Jcs.string(s, sb);
        }
    }
}
