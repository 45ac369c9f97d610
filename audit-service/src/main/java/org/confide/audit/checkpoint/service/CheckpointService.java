package org.confide.audit.checkpoint.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.checkpoint.repository.CheckpointRepository;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.audit.witness.repository.CosignatureRepository;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.SignedNote;
import org.confide.auditlog.proof.ConsistencyProof;
import org.confide.auditlog.proof.InclusionProof;
import org.confide.platform.problem.ProblemException;

/** The newest signed checkpoint of an organisation, and inclusion proofs against it (docs/api.md audit-service). */
@ApplicationScoped
@Transactional
public class CheckpointService {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    AgroalDataSource db;

    @Inject
    CheckpointRepository checkpoints;

    @Inject
    TreeRepository tree;

    @Inject
    CosignatureRepository cosignatures;

    /**
     * docs/api.md: {org, seq, hash, treeSize, rootHash, note, signature, publicKey, signedAt}, and {@code keyId}: the
     * signed note's key hash (hex) of the key that signed it, as GET /audit/keys lists it.
     */
    public record CheckpointView(
            String org,
            long seq,
            String hash,
            long treeSize,
            String rootHash,
            String note,
            String signature,
            String publicKey,
            String signedAt,
            String keyId,
            List<CosignatureView> cosignatures) {

        static CheckpointView of(CheckpointRepository.Row r, List<CosignatureRepository.Row> cosigned) {
            return new CheckpointView(
                    r.org(),
                    r.treeSize(),
                    r.entryHash(),
                    r.treeSize(),
                    r.rootHash(),
                    r.note(),
                    r.signature(),
                    r.publicKey(),
                    AuditTime.format(r.signedAt()),
                    keyIdOf(r.publicKey()),
                    cosigned.stream()
                            .map(c -> new CosignatureView(
                                    c.witness(), c.keyId(), AuditTime.format(c.cosignedAt()), c.line()))
                            .toList());
        }
    }

    /** A witness's cosignature of a checkpoint: the witness's key name and hash, its time, its signature line. */
    public record CosignatureView(String witness, String keyId, String cosignedAt, String line) {}

    /** The key hash of a verifier key {@code <name>+<hex key id>+<key>} (names never hold '+'). */
    static String keyIdOf(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    /** docs/api.md GET /audit/keys: one signing key of the caller's log. */
    public record KeyView(String keyId, String publicKey, String status, String from) {}

    @Inject
    SigningKey signingKey;

    /**
     * The keys the caller's checkpoints are signed with, in the order they take over: CURRENT (signing now), RETIRED
     * (signed earlier checkpoints, still trusted on them), NEXT (takes over at {@code from}).
     */
    public List<KeyView> keys(String org) {
        Instant now = Instant.now();
        SigningKey.Key current = signingKey.current(now);
        List<KeyView> out = new ArrayList<>();
        boolean past = true;
        for (SigningKey.Key k : signingKey.keys()) {
            String status;
            if (k == current) {
                status = "CURRENT";
                past = false;
            } else {
                status = past ? "RETIRED" : "NEXT";
            }
            out.add(new KeyView(
                    k.keyId(org),
                    SignedNote.verifierKey(CheckpointText.origin(org), k.publicKey())
                            .encoded(),
                    status,
                    k.from().equals(Instant.MIN) ? null : k.from().toString()));
        }
        return out;
    }

    /**
     * docs/api.md: {seq, treeSize, leafIndex, hashes}; also the entry's {@code hash} and the checkpoint's
     * {@code rootHash}, so that the proof can be checked on its own against a saved checkpoint.
     */
    public record ProofView(
            long seq, long treeSize, long leafIndex, List<String> hashes, String hash, String rootHash) {}

    /** docs/api.md: {from, to, hashes}, the RFC 6962 / RFC 9162 consistency proof between two tree sizes. */
    public record ConsistencyView(long from, long to, List<String> hashes) {}

    public CheckpointView latest(String org) throws SQLException {
        try (Connection c = db.getConnection()) {
            CheckpointRepository.Row r = checkpoints.latest(c, org);
            if (r == null) throw ProblemException.notFound("checkpoint");
            return CheckpointView.of(r, cosignatures.of(c, org, r.treeSize()));
        }
    }

    /** The RFC 9162 inclusion proof of entry {@code seq} against the latest checkpoint. */
    public ProofView proof(String org, long seq) throws SQLException {
        try (Connection c = db.getConnection()) {
            CheckpointRepository.Row r = checkpoints.latest(c, org);
            String hash = tree.entryHash(c, org, seq);
            if (hash == null) throw ProblemException.notFound("entry " + seq);
            if (r == null || seq > r.treeSize()) {
                throw new ProblemException(
                        404,
                        "Not found",
                        "entry " + seq + " is not covered by a checkpoint yet; a checkpoint covers it within 10 s",
                        null,
                        null);
            }
            List<String> path = InclusionProof.path(seq - 1, r.treeSize(), tree.tree(c, org)).stream()
                    .map(HEX::formatHex)
                    .toList();
            return new ProofView(seq, r.treeSize(), seq - 1, path, hash, r.rootHash());
        }
    }

    /**
     * The consistency proof from the tree of {@code from} leaves to the tree of {@code to}; {@code to} may be at most the
     * latest checkpoint's size, so both ends are sizes the log has signed or could sign (a 400 names the size at fault).
     */
    public ConsistencyView consistency(String org, long from, long to) throws SQLException {
        try (Connection c = db.getConnection()) {
            CheckpointRepository.Row r = checkpoints.latest(c, org);
            if (r == null) throw ProblemException.notFound("checkpoint");
            if (to > r.treeSize()) {
                throw ProblemException.badRequest(
                        "to", "must not be beyond the latest checkpoint's tree size " + r.treeSize());
            }
            List<String> hashes = ConsistencyProof.path(from, to, tree.tree(c, org)).stream()
                    .map(HEX::formatHex)
                    .toList();
            return new ConsistencyView(from, to, hashes);
        }
    }
}
