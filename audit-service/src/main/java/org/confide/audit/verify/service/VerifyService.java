package org.confide.audit.verify.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.checkpoint.repository.CheckpointRepository;
import org.confide.audit.checkpoint.service.SigningKey;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.audit.verify.repository.VerifiedCheckpointRepository;
import org.confide.audit.verify.rule.VerifiedNote;
import org.confide.auditlog.chain.ChainWalk;
import org.confide.auditlog.chain.EntryHasher;
import org.confide.auditlog.chain.LogEntry;
import org.confide.auditlog.checkpoint.CheckpointCheck;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.tree.CompactRange;
import org.confide.auditlog.tree.MerkleTree;

/**
 * {@code GET /audit/verify}: walks an organisation's chain in bounded memory, recomputing every entry hash and
 * link, and the Merkle root alongside, checking every signed checkpoint and every stored tree node met on the way;
 * finally compares the end of the log with the chain head (a cut tail, a moved head) and with the checkpoints beyond it.
 * By default it continues from the last checkpoint an earlier verify found the log to match (a record signed with the
 * audit key), so a daily verify reads the day's entries; {@code full} starts from the first entry.
 * The whole run reads one snapshot (REPEATABLE READ), so entries appended meanwhile never look like a cut tail.
 */
@ApplicationScoped
@Transactional
public class VerifyService {

    private static final int CHUNK = 1000;
    private static final int FETCH = 5000;
    private static final String RANGE = """
            SELECT seq, event_id, type, occurred_at, recorded_at, actor_id, actor_role, client_id, correlation_id,
                   source, data, prev_hash, hash
            FROM audit_entry WHERE org = ? AND seq >= ? AND seq <= ? ORDER BY seq""";
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    TreeRepository tree;

    @Inject
    CheckpointRepository checkpoints;

    @Inject
    VerifiedCheckpointRepository verified;

    @Inject
    SigningKey key;

    @Inject
    AgroalDataSource db;

    @Inject
    org.confide.audit.config.AuditConfig config;

    /**
     * docs/api.md {@code {valid, checked, headSeq, headHash, firstBrokenSeq}}, plus {@code checkpointsChecked},
     * {@code reason} (why the log is broken), {@code fromSeq} (the first entry this run read) and
     * {@code verifiedTreeSize} (the checkpoint the next verify continues from; null when none is recorded).
     */
    public record VerifyReport(
            boolean valid,
            long checked,
            long headSeq,
            String headHash,
            Long firstBrokenSeq,
            long checkpointsChecked,
            String reason,
            long fromSeq,
            Long verifiedTreeSize) {}

    /** Where a run starts: the first seq, the hash it links to, the Merkle range before it (null: not checked). */
    private record Start(long seq, String prevHash, CompactRange range, int lastKey) {}

    /** A run's report and the last checkpoint it found the log to match (null when none). */
    private record Outcome(VerifyReport report, CheckpointRepository.Row vouched) {}

    /** The entries {@code [fromSeq, toSeq]} as they are; records nothing. */
    @TransactionConfiguration(timeoutFromConfigProperty = "confide.audit.verify-timeout-seconds")
    public VerifyReport verify(String org, long fromSeq, long toSeq) throws SQLException {
        long start = Math.max(1, fromSeq);
        try (Connection c = db.getConnection()) {
            snapshot(c);
            String prev = start == 1 ? EntryHasher.GENESIS : tree.entryHash(c, org, start - 1);
            if (prev == null) {
                return new VerifyReport(
                        false, 0, start - 1, null, start - 1, 0, "entry " + (start - 1) + " is missing", start, null);
            }
            return run(c, org, new Start(start, prev, rangeBefore(c, org, start), 0), toSeq, null)
                    .report();
        }
    }

    /**
     * The whole log to its chain head: from the last verified checkpoint, or from the first entry when {@code full} or
     * when none is recorded; a run that holds records the last checkpoint it passed, signed.
     */
    @TransactionConfiguration(timeoutFromConfigProperty = "confide.audit.verify-timeout-seconds")
    public VerifyReport verifyLog(String org, boolean full) throws SQLException {
        Outcome outcome;
        Long recorded = null;
        try (Connection c = db.getConnection()) {
            snapshot(c);
            VerifiedCheckpointRepository.Row row = full ? null : verified.find(c, org);
            Start start = new Start(1, EntryHasher.GENESIS, new CompactRange(), 0);
            if (row != null) {
                VerifiedNote note = VerifiedNote.open(org, row.note(), key.trustedPublicKeys());
                if (note == null
                        || note.treeSize() != row.treeSize()
                        || !note.entryHash().equals(row.entryHash())
                        || !note.rootHex().equals(row.rootHash())) {
                    return new VerifyReport(
                            false,
                            0,
                            0,
                            null,
                            null,
                            0,
                            "the stored record of the last verified checkpoint (" + row.treeSize()
                                    + ") is not signed by the audit signing key: it was changed; verify with full=true",
                            row.treeSize() + 1,
                            null);
                }
                recorded = note.treeSize();
                CompactRange range;
                try {
                    range = frontier(c, org, note.treeSize());
                } catch (IllegalStateException e) {
                    range = null;
                }
                if (range == null || !MessageDigest.isEqual(range.root(), note.rootHash())) {
                    return new VerifyReport(
                            false,
                            0,
                            note.treeSize(),
                            note.entryHash(),
                            null,
                            0,
                            "the stored Merkle tree no longer gives the root verified at size " + note.treeSize()
                                    + ": a stored node or entry hash below it was changed; verify with full=true",
                            note.treeSize() + 1,
                            recorded);
                }
                // The key order goes on from the recorded checkpoint's key: a retired key never signs after it either.
                List<CheckpointRepository.Row> at = checkpoints.after(c, org, note.treeSize() - 1, 1);
                int lastKey = at.isEmpty() || at.getFirst().treeSize() != note.treeSize()
                        ? 0
                        : Math.max(0, keyIndex(at.getFirst().note(), key.trustedVerifierKeys(org)));
                start = new Start(note.treeSize() + 1, note.entryHash(), range, lastKey);
            }
            long last = start.seq() == 1 ? lastSeq(c, org) : 0;
            outcome = start.seq() == 1 && config.verifyConnections() > 1 && last >= 2 * config.verifyRange()
                    ? runInRanges(c, org, last)
                    : run(c, org, start, Long.MAX_VALUE, recorded);
        }
        CheckpointRepository.Row cp = outcome.vouched();
        VerifyReport r = outcome.report();
        if (r.valid()
                && cp != null
                && (recorded == null || cp.treeSize() > recorded)
                && SignedNote.validName(VerifiedNote.name(org))) {
            VerifiedNote note = new VerifiedNote(org, cp.treeSize(), HEX.parseHex(cp.rootHash()), cp.entryHash());
            verified.advance(
                    new VerifiedCheckpointRepository.Row(
                            org,
                            cp.treeSize(),
                            cp.entryHash(),
                            cp.rootHash(),
                            SignedNote.sign(note.text(), VerifiedNote.name(org), key.pair())),
                    full);
            return new VerifyReport(
                    true,
                    r.checked(),
                    r.headSeq(),
                    r.headHash(),
                    null,
                    r.checkpointsChecked(),
                    null,
                    r.fromSeq(),
                    cp.treeSize());
        }
        return r;
    }

    private Outcome run(Connection c, String org, Start start, long toSeq, Long recorded) throws SQLException {
        ChainWalk walk = new ChainWalk(start.seq(), start.prevHash());
        CompactRange range = start.range();
        List<SignedNote.VerifierKey> vkeys = key.trustedVerifierKeys(org);
        Pending pending = new Pending(c, org, start.seq() - 1);
        StoredNodes nodes = new StoredNodes(c, org, tree.size(c, org));
        long headSeq = chainHeadSeq(c, org);
        long checkpointsChecked = 0;
        long vouchedSeq = start.seq() - 1;
        String vouchedHash = start.prevHash();
        CheckpointRepository.Row vouched = null;
        int lastKey = start.lastKey(); // keys take over in file order: a checkpoint is never signed by a key before the
        // last one's
        // One streamed query (a server-side cursor, FETCH rows at a time) and no JSON tree per entry: verify
        // runs near the speed of SHA-256 itself (bench: audit verify).
        try (PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setFetchSize(FETCH);
            ps.setString(1, org);
            ps.setLong(2, start.seq());
            ps.setLong(3, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String prevHash = rs.getString(12);
                    String hash = rs.getString(13);
                    LogEntry row = new LogEntry(
                            seq,
                            rs.getString(2),
                            rs.getString(3),
                            time(rs, 4),
                            time(rs, 5),
                            org,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getString(11));
                    if (!walk.accept(row, prevHash, hash)) {
                        break;
                    }
                    if (range == null) continue;
                    range.append(MerkleTree.leafHash(HEX.parseHex(hash)), nodes);
                    if (nodes.broken != null) {
                        return new Outcome(
                                new VerifyReport(
                                        false,
                                        walk.result().checked(),
                                        vouchedSeq,
                                        vouchedHash,
                                        null,
                                        checkpointsChecked,
                                        nodes.broken,
                                        start.seq(),
                                        recorded),
                                null);
                    }
                    for (CheckpointRepository.Row cp = pending.peek();
                            cp != null && cp.treeSize() == seq;
                            cp = pending.peek()) {
                        String why = CheckpointCheck.check(
                                org,
                                cp.treeSize(),
                                cp.entryHash(),
                                cp.rootHash(),
                                cp.note(),
                                vkeys,
                                range.root(),
                                hash);
                        if (why != null) {
                            return new Outcome(
                                    new VerifyReport(
                                            false,
                                            walk.result().checked(),
                                            vouchedSeq,
                                            vouchedHash,
                                            vouchedSeq + 1,
                                            checkpointsChecked,
                                            why + "; the log is not as signed after entry " + vouchedSeq,
                                            start.seq(),
                                            recorded),
                                    null);
                        }
                        int signedBy = keyIndex(cp.note(), vkeys);
                        if (signedBy < lastKey) {
                            return new Outcome(
                                    new VerifyReport(
                                            false,
                                            walk.result().checked(),
                                            vouchedSeq,
                                            vouchedHash,
                                            vouchedSeq + 1,
                                            checkpointsChecked,
                                            "checkpoint " + cp.treeSize() + " is signed with key "
                                                    + HEX.formatHex(
                                                            vkeys.get(signedBy).keyId()) + ", retired before key "
                                                    + HEX.formatHex(
                                                            vkeys.get(lastKey).keyId())
                                                    + " signed an earlier checkpoint: a retired key"
                                                    + " never signs again",
                                            start.seq(),
                                            recorded),
                                    null);
                        }
                        lastKey = signedBy;
                        checkpointsChecked++;
                        pending.pop();
                        vouchedSeq = seq;
                        vouchedHash = hash;
                        vouched = cp;
                    }
                }
            }
        }
        return finish(
                c,
                org,
                walk.result(),
                walk.result().checked(),
                checkpointsChecked,
                range == null ? null : pending,
                toSeq,
                headSeq,
                start.seq(),
                recorded,
                vouched);
    }

    /** The checks once the walk ended: a broken entry, the chain head against the log's end, checkpoints beyond it. */
    private Outcome finish(
            Connection c,
            String org,
            ChainWalk.Result r,
            long checked,
            long checkpointsChecked,
            Pending pending,
            long toSeq,
            long headSeq,
            long fromSeq,
            Long recorded,
            CheckpointRepository.Row vouched)
            throws SQLException {
        if (!r.valid()) {
            return new Outcome(
                    new VerifyReport(
                            false,
                            checked,
                            r.headSeq(),
                            r.headHash(),
                            r.firstBrokenSeq(),
                            checkpointsChecked,
                            "entry " + r.firstBrokenSeq()
                                    + " is missing, out of place, or does not hash to what the chain says",
                            fromSeq,
                            recorded),
                    null);
        }
        String broken = null;
        long firstBroken = r.headSeq() + 1;
        if (r.headSeq() < Math.min(toSeq, headSeq)) {
            broken = "the chain head is at " + headSeq + " but the log ends at " + r.headSeq();
        } else if (toSeq >= headSeq && r.headSeq() > headSeq) {
            broken = "the log has entries beyond its chain head " + headSeq + " (up to " + r.headSeq()
                    + "): the head was moved back or entries were added behind the service's back";
            firstBroken = headSeq + 1;
        } else if (toSeq >= headSeq
                && headSeq > 0
                && r.headSeq() == headSeq
                && !headHash(c, org).equals(r.headHash())) {
            broken = "the chain head names another hash than entry " + headSeq + " has: the head was moved";
        }
        if (broken != null) {
            return new Outcome(
                    new VerifyReport(
                            false,
                            checked,
                            r.headSeq(),
                            r.headHash(),
                            firstBroken,
                            checkpointsChecked,
                            broken,
                            fromSeq,
                            recorded),
                    null);
        }
        CheckpointRepository.Row beyond = pending == null ? null : pending.peek();
        if (beyond != null && beyond.treeSize() <= toSeq) {
            return new Outcome(
                    new VerifyReport(
                            false,
                            checked,
                            r.headSeq(),
                            r.headHash(),
                            r.headSeq() + 1,
                            checkpointsChecked,
                            "checkpoint " + beyond.treeSize() + " covers entries the log no longer has",
                            fromSeq,
                            recorded),
                    null);
        }
        return new Outcome(
                new VerifyReport(
                        true, checked, r.headSeq(), r.headHash(), null, checkpointsChecked, null, fromSeq, recorded),
                vouched);
    }

    /** A checkpoint met inside a range: the row, the range's own frontier at it, the entry hash at its size. */
    private record CheckpointAt(CheckpointRepository.Row row, List<byte[]> localFrontier, String entryHash) {}

    /** What one range's walk found. */
    private record RangeResult(
            long start,
            long end,
            String firstPrev,
            ChainWalk.Result walk,
            List<CheckpointAt> checkpoints,
            String nodeBroken,
            byte[] root) {}

    /**
     * A full verify of a large log on several connections: the entries [0, last) cut into ranges of 2^k, each walked
     * on its own connection in the snapshot this transaction exports (so all see one log), then joined in order: each
     * range's first entry must link to the one before, the checkpoints met are checked against the root of the prefix
     * (the ranges before, as perfect subtrees) and the range's own frontier, and the stored nodes above a range against
     * the ranges' roots.
     */
    private Outcome runInRanges(Connection c, String org, long last) throws SQLException {
        int connections = config.verifyConnections();
        long span = Long.highestOneBit(Math.max(config.verifyRange(), last / (4L * connections)));
        if (span < last / (4L * connections)) span <<= 1;
        int level = Long.numberOfTrailingZeros(span);
        String snapshotId;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            snapshotId = rs.getString(1);
        }
        long integrated = tree.size(c, org);
        long headSeq = chainHeadSeq(c, org);
        List<SignedNote.VerifierKey> vkeys = key.trustedVerifierKeys(org);
        List<java.util.concurrent.Future<RangeResult>> futures = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(connections, r -> {
                    Thread t = new Thread(r, "audit-verify-range");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (long a = 0; a < last; a += span) {
                long from = a;
                long to = Math.min(a + span, last);
                futures.add(pool.submit(() -> walkRange(snapshotId, org, from, to, integrated)));
            }
            CompactRange top = new CompactRange(); // the ranges' roots: perfect subtrees of level `level`
            StoredNodes topNodes = new StoredNodes(c, org, integrated);
            String lastHash = EntryHasher.GENESIS;
            long checked = 0;
            long checkpointsChecked = 0;
            long vouchedSeq = 0;
            String vouchedHash = EntryHasher.GENESIS;
            CheckpointRepository.Row vouched = null;
            int lastKey = 0;
            ChainWalk.Result walk = null;
            for (java.util.concurrent.Future<RangeResult> f : futures) {
                RangeResult r = result(f);
                if (!lastHash.equals(r.firstPrev())) {
                    return new Outcome(
                            new VerifyReport(
                                    false,
                                    checked,
                                    r.start(),
                                    lastHash,
                                    r.start() + 1,
                                    checkpointsChecked,
                                    "entry " + (r.start() + 1)
                                            + " is missing, out of place, or does not hash to what the chain says",
                                    1,
                                    null),
                            null);
                }
                for (CheckpointAt at : r.checkpoints()) {
                    List<byte[]> frontier;
                    if (at.row().treeSize() == r.start() + span) {
                        // At the end of a range its root is one more perfect subtree of the ranges: it may merge.
                        CompactRange ranges = new CompactRange(top.size(), top.subtrees());
                        ranges.append(at.localFrontier().getFirst());
                        frontier = ranges.subtrees();
                    } else {
                        // Inside a range its subtrees are all smaller than a range: they follow the ranges' subtrees.
                        frontier = new java.util.ArrayList<>(top.subtrees());
                        frontier.addAll(at.localFrontier());
                    }
                    byte[] root = new CompactRange(at.row().treeSize(), frontier).root();
                    String why = CheckpointCheck.check(
                            org,
                            at.row().treeSize(),
                            at.row().entryHash(),
                            at.row().rootHash(),
                            at.row().note(),
                            vkeys,
                            root,
                            at.entryHash());
                    int signedBy = why == null ? keyIndex(at.row().note(), vkeys) : lastKey;
                    if (why == null && signedBy < lastKey) {
                        why = "checkpoint " + at.row().treeSize() + " is signed with key "
                                + HEX.formatHex(vkeys.get(signedBy).keyId())
                                + ", retired before key "
                                + HEX.formatHex(vkeys.get(lastKey).keyId())
                                + " signed an earlier checkpoint: a retired key never signs again";
                    }
                    if (why != null) {
                        return new Outcome(
                                new VerifyReport(
                                        false,
                                        checked + (at.row().treeSize() - r.start()),
                                        vouchedSeq,
                                        vouchedHash,
                                        vouchedSeq + 1,
                                        checkpointsChecked,
                                        why + "; the log is not as signed after entry " + vouchedSeq,
                                        1,
                                        null),
                                null);
                    }
                    lastKey = signedBy;
                    checkpointsChecked++;
                    vouchedSeq = at.row().treeSize();
                    vouchedHash = at.entryHash();
                    vouched = at.row();
                }
                if (r.nodeBroken() != null) {
                    return new Outcome(
                            new VerifyReport(
                                    false,
                                    checked + r.walk().checked(),
                                    vouchedSeq,
                                    vouchedHash,
                                    null,
                                    checkpointsChecked,
                                    r.nodeBroken(),
                                    1,
                                    null),
                            null);
                }
                checked += r.walk().checked();
                walk = r.walk();
                if (!walk.valid()) break;
                lastHash = walk.headHash();
                if (r.root() != null) {
                    // The range's own root (level `level`) was checked by its walk; the nodes above it are checked
                    // here.
                    top.append(r.root(), (l, i, h) -> topNodes.node(l + level, i, h));
                    if (topNodes.broken != null) {
                        return new Outcome(
                                new VerifyReport(
                                        false,
                                        checked,
                                        vouchedSeq,
                                        vouchedHash,
                                        null,
                                        checkpointsChecked,
                                        topNodes.broken,
                                        1,
                                        null),
                                null);
                    }
                }
            }
            Pending beyond = new Pending(c, org, last);
            return finish(c, org, walk, checked, checkpointsChecked, beyond, Long.MAX_VALUE, headSeq, 1, null, vouched);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RangeResult result(java.util.concurrent.Future<RangeResult> f) throws SQLException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verify was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            throw new IllegalStateException("a range of verify failed", e.getCause());
        }
    }

    /** Walks the entries (start, end] on a connection of its own, in the exported snapshot. */
    private RangeResult walkRange(String snapshotId, String org, long start, long end, long integrated)
            throws SQLException {
        try (Connection w = db.getConnection()) {
            w.setAutoCommit(false);
            try {
                try (Statement st = w.createStatement()) {
                    st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    st.execute("SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "") + "'");
                }
                String firstPrev = null;
                try (PreparedStatement ps =
                        w.prepareStatement("SELECT prev_hash FROM audit_entry WHERE org = ? AND seq = ?")) {
                    ps.setString(1, org);
                    ps.setLong(2, start + 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) firstPrev = rs.getString(1);
                    }
                }
                ChainWalk walk = new ChainWalk(start + 1, firstPrev == null ? "missing" : firstPrev);
                CompactRange local = new CompactRange();
                StoredNodes nodes = new StoredNodes(w, org, integrated);
                CompactRange.NodeSink sink = (l, i, h) -> nodes.node(l, i + (start >> l), h);
                Pending pending = new Pending(w, org, start);
                List<CheckpointAt> met = new java.util.ArrayList<>();
                try (PreparedStatement ps = w.prepareStatement(RANGE)) {
                    ps.setFetchSize(FETCH);
                    ps.setString(1, org);
                    ps.setLong(2, start + 1);
                    ps.setLong(3, end);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long seq = rs.getLong(1);
                            String hash = rs.getString(13);
                            LogEntry row = new LogEntry(
                                    seq,
                                    rs.getString(2),
                                    rs.getString(3),
                                    time(rs, 4),
                                    time(rs, 5),
                                    org,
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getString(10),
                                    rs.getString(11));
                            if (!walk.accept(row, rs.getString(12), hash)) break;
                            local.append(MerkleTree.leafHash(HEX.parseHex(hash)), sink);
                            if (nodes.broken != null) break;
                            for (CheckpointRepository.Row cp = pending.peek();
                                    cp != null && cp.treeSize() == seq;
                                    cp = pending.peek()) {
                                met.add(new CheckpointAt(cp, local.subtrees(), hash));
                                pending.pop();
                            }
                        }
                    }
                }
                ChainWalk.Result r = walk.result();
                byte[] root = r.valid() && nodes.broken == null && local.size() == end - start ? local.root() : null;
                return new RangeResult(start, end, firstPrev, r, met, nodes.broken, root);
            } finally {
                w.rollback();
                w.setAutoCommit(true);
            }
        }
    }

    /** The largest seq of the organisation's log (0 when none). */
    private static long lastSeq(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM audit_entry WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Which of the keys (in the order they take over) opens the note; the latest one that does. */
    private static int keyIndex(String note, List<SignedNote.VerifierKey> keys) {
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (SignedNote.open(note, keys.get(i)) != null) return i;
        }
        return -1;
    }

    /** Every read of this run sees one snapshot: must be the transaction's first statement. */
    private static void snapshot(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
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
        return frontier(c, org, size);
    }

    /** The compact range of the first {@code size} leaves, from the stored tree; null when not integrated that far. */
    private CompactRange frontier(Connection c, String org, long size) throws SQLException {
        if (tree.size(c, org) < size) return null;
        MerkleTree.RangeHashes stored = tree.tree(c, org);
        return new CompactRange(
                size,
                MerkleTree.perfectSubtrees(size).stream()
                        .map(p -> stored.hash(p[0], p[1]))
                        .toList());
    }

    /** The chain head's seq; 0 when the organisation has no chain. */
    private static long chainHeadSeq(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM chain_head WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static String headHash(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM chain_head WHERE org = ?")) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /**
     * Compares the tree nodes the stored tree keeps (every 8th level) with the ones recomputed from the entries, as
     * the walk completes them; only nodes inside the integrated size are stored. The first difference is kept.
     */
    private static final class StoredNodes implements CompactRange.NodeSink {
        private final Connection c;
        private final String org;
        private final long integrated;
        private final Map<Integer, Long> windowStart = new HashMap<>();
        private final Map<Integer, Map<Long, byte[]>> windows = new HashMap<>();
        String broken;

        StoredNodes(Connection c, String org, long integrated) {
            this.c = c;
            this.org = org;
            this.integrated = integrated;
        }

        @Override
        public void node(int level, long index, byte[] hash) {
            if (broken != null || level % TreeRepository.STRATUM != 0 || (index + 1) << level > integrated) return;
            Long from = windowStart.get(level);
            if (from == null || index < from || index >= from + CHUNK) {
                load(level, index);
            }
            byte[] stored = windows.get(level).get(index);
            if (stored == null) {
                broken = "the stored Merkle node at level " + level + ", index " + index + " is missing";
            } else if (!MessageDigest.isEqual(stored, hash)) {
                broken = "the stored Merkle node at level " + level + ", index " + index + " (entries "
                        + ((index << level) + 1) + " to " + ((index + 1) << level)
                        + ") is not the hash of those entries: it was changed";
            }
        }

        private void load(int level, long from) {
            Map<Long, byte[]> window = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT idx, hash FROM merkle_node WHERE org = ? AND level = ? AND idx >= ? AND idx < ?")) {
                ps.setString(1, org);
                ps.setInt(2, level);
                ps.setLong(3, from);
                ps.setLong(4, from + CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) window.put(rs.getLong(1), rs.getBytes(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the stored tree of " + org + " failed", e);
            }
            windowStart.put(level, from);
            windows.put(level, window);
        }
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

        void pop() {
            buffer.pollFirst();
        }
    }

    private static String time(ResultSet rs, int column) throws SQLException {
        return AuditTime.format(rs.getObject(column, OffsetDateTime.class));
    }
}
