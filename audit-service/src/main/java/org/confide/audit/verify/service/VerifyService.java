package org.confide.audit.verify.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import org.confide.audit.chain.rule.ChainWalk;
import org.confide.audit.chain.rule.CopyText;
import org.confide.audit.chain.rule.EntryHasher;
import org.confide.audit.chain.rule.StoredEntryHasher;
import org.confide.audit.checkpoint.repository.CheckpointRepository;
import org.confide.audit.checkpoint.rule.CheckpointCheck;
import org.confide.audit.checkpoint.rule.SignedNote;
import org.confide.audit.checkpoint.service.SigningKey;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.audit.tree.rule.CompactRange;
import org.confide.audit.tree.rule.MerkleTree;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * {@code GET /audit/verify}: walks an organisation's chain in bounded memory, recomputing every entry hash and
 * link, and the Merkle root alongside, checking every signed checkpoint met on the way; finally compares the end
 * of the log with the chain head (a cut tail) and with the checkpoints beyond it.
 */
@ApplicationScoped
@Transactional
public class VerifyService {

    private static final int CHUNK = 1000;
    /** Entries read by one COPY; the checkpoints they reach are read before it. */
    private static final int COPY_CHUNK = 100_000;
    private static final String RANGE_COLUMNS = "seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, "
            + "client_id, correlation_id, source, data, prev_hash, hash";
    private static final int COLUMNS = 13;
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    TreeRepository tree;

    @Inject
    CheckpointRepository checkpoints;

    @Inject
    SigningKey key;

    @Inject
    AgroalDataSource db;

    /**
     * API.md {@code {valid, checked, headSeq, headHash, firstBrokenSeq}}, plus {@code checkpointsChecked} and
     * {@code reason} (why the chain is broken at firstBrokenSeq).
     */
    public record VerifyReport(boolean valid, long checked, long headSeq, String headHash, Long firstBrokenSeq,
                               long checkpointsChecked, String reason) {
    }

    public VerifyReport verify(String org, long fromSeq, long toSeq) throws SQLException {
        long start = Math.max(1, fromSeq);
        try (Connection c = db.getConnection()) {
            String prev = start == 1 ? EntryHasher.GENESIS : tree.entryHash(c, org, start - 1);
            if (prev == null) {
                return new VerifyReport(false, 0, start - 1, null, start - 1, 0, "entry " + (start - 1) + " is missing");
            }
            ChainWalk walk = new ChainWalk(start, prev);
            CompactRange range = rangeBefore(c, org, start);
            SignedNote.VerifierKey vkey = key.verifierKey(org);
            Pending pending = new Pending(c, org, start - 1);
            long checkpointsChecked = 0;
            long vouchedSeq = start - 1;
            String vouchedHash = prev;
            // The log is read with COPY ... TO STDOUT in chunks of seq (a line per entry, no result-set machinery)
            // and hashed without a JSON tree per entry: verify runs near the speed of SHA-256 (bench: audit verify).
            // Timestamps are printed in UTC in ISO style, the form CopyText reads.
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL TimeZone = 'UTC'");
                st.execute("SET LOCAL DateStyle = 'ISO, YMD'");
            }
            CopyManager copyApi = c.unwrap(PGConnection.class).getCopyAPI();
            String orgLiteral = literal(c, org);
            String[] f = new String[COLUMNS];
            boolean more = start <= toSeq;
            chunks:
            for (long lo = start; more; ) {
                long hi = toSeq - lo < COPY_CHUNK ? toSeq : lo + COPY_CHUNK - 1;
                // No other statement can run on the connection while a COPY streams: the chunk's checkpoints first.
                pending.loadUpTo(hi);
                long rows = 0;
                CopyOut out = copyApi.copyOut("COPY (SELECT " + RANGE_COLUMNS + " FROM audit_entry WHERE org = " + orgLiteral
                        + " AND seq BETWEEN " + lo + " AND " + hi + " ORDER BY seq) TO STDOUT");
                try {
                    byte[] line;
                    while ((line = out.readFromCopy()) != null) {
                        rows++;
                        int len = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
                        if (!CopyText.split(new String(line, 0, len, StandardCharsets.UTF_8), f)) {
                            throw new SQLException("a COPY line of audit_entry without " + COLUMNS + " fields");
                        }
                        long seq = Long.parseLong(f[0]);
                        String prevHash = f[11];
                        String hash = f[12];
                        StoredEntryHasher.Row row = new StoredEntryHasher.Row(seq, f[1], f[2],
                                CopyText.utcTimestamp(f[3]), CopyText.utcTimestamp(f[4]), org, f[5], f[6], f[7], f[8],
                                f[9], f[10]);
                        if (!walk.accept(row, prevHash, hash)) {
                            break chunks;
                        }
                        if (range == null) continue;
                        range.append(MerkleTree.leafHash(HEX.parseHex(hash)));
                        for (CheckpointRepository.Row cp = pending.peekLoaded(); cp != null && cp.treeSize() == seq; cp = pending.peekLoaded()) {
                            String why = CheckpointCheck.check(org, cp.treeSize(), cp.entryHash(), cp.rootHash(), cp.note(),
                                    vkey, range.root(), hash);
                            if (why != null) {
                                return new VerifyReport(false, walk.result().checked(), vouchedSeq, vouchedHash, vouchedSeq + 1,
                                        checkpointsChecked, why + "; the log is not as signed after entry " + vouchedSeq);
                            }
                            checkpointsChecked++;
                            pending.pop();
                            vouchedSeq = seq;
                            vouchedHash = hash;
                        }
                    }
                } finally {
                    // Read out the rest of the chunk (a cancel would abort the transaction): the connection is free after.
                    while (out.isActive() && out.readFromCopy() != null) {
                        rows++;
                    }
                }
                // An empty chunk is the end of the log; a short one may only miss entries, which the walk names.
                more = rows > 0 && hi < toSeq;
                lo = hi + 1;
            }
            ChainWalk.Result r = walk.result();
            if (!r.valid()) {
                return new VerifyReport(false, r.checked(), r.headSeq(), r.headHash(), r.firstBrokenSeq(), checkpointsChecked,
                        "entry " + r.firstBrokenSeq() + " is missing, out of place, or does not hash to what the chain says");
            }
            long headSeq = tree.chainHead(c, org);
            if (r.headSeq() < Math.min(toSeq, headSeq)) {
                return new VerifyReport(false, r.checked(), r.headSeq(), r.headHash(), r.headSeq() + 1, checkpointsChecked,
                        "the chain head is at " + headSeq + " but the log ends at " + r.headSeq());
            }
            CheckpointRepository.Row beyond = range == null ? null : pending.peek();
            if (beyond != null && beyond.treeSize() <= toSeq) {
                return new VerifyReport(false, r.checked(), r.headSeq(), r.headHash(), r.headSeq() + 1, checkpointsChecked,
                        "checkpoint " + beyond.treeSize() + " covers entries the log no longer has");
            }
            return new VerifyReport(true, r.checked(), r.headSeq(), r.headHash(), null, checkpointsChecked, null);
        }
    }

    /**
     * The Merkle range of the entries before {@code start}: empty from seq 1 (everything is recomputed); from the
     * stored tree otherwise, or null (checkpoints are then not checked) when the tree does not reach that far.
     */
    private CompactRange rangeBefore(Connection c, String org, long start) throws SQLException {
        long size = start - 1;
        if (size == 0) return new CompactRange();
        if (tree.size(c, org) < size) return null;
        MerkleTree.RangeHashes stored = tree.tree(c, org);
        return new CompactRange(size, MerkleTree.perfectSubtrees(size).stream().map(p -> stored.hash(p[0], p[1])).toList());
    }

    /** The organisation's checkpoints from a tree size on, read in chunks. */
    private final class Pending {
        private final Connection c;
        private final String org;
        private final Deque<CheckpointRepository.Row> buffer = new ArrayDeque<>();
        private long after;
        private boolean exhausted;

        Pending(Connection c, String org, long after) {
            this.c = c;
            this.org = org;
            this.after = after;
        }

        CheckpointRepository.Row peek() throws SQLException {
            if (buffer.isEmpty() && !exhausted) {
                List<CheckpointRepository.Row> rows = checkpoints.after(c, org, after, CHUNK);
                buffer.addAll(rows);
                exhausted = rows.size() < CHUNK;
                if (!rows.isEmpty()) after = rows.getLast().treeSize();
            }
            return buffer.peekFirst();
        }

        /** Reads on until the buffer reaches tree size {@code seq} (or the checkpoints end). */
        void loadUpTo(long seq) throws SQLException {
            while (!exhausted && (buffer.isEmpty() || buffer.peekLast().treeSize() < seq)) {
                List<CheckpointRepository.Row> rows = checkpoints.after(c, org, after, CHUNK);
                buffer.addAll(rows);
                exhausted = rows.size() < CHUNK;
                if (!rows.isEmpty()) after = rows.getLast().treeSize();
            }
        }

        /** The next checkpoint among those already read (no query: a COPY may be streaming). */
        CheckpointRepository.Row peekLoaded() {
            return buffer.peekFirst();
        }

        void pop() {
            buffer.pollFirst();
        }
    }

    /** The organisation as an SQL literal, quoted by the server itself (COPY takes no parameters). */
    private static String literal(Connection c, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_literal(?)")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
