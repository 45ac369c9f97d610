package org.confide.audit.checkpoint.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.checkpoint.repository.CheckpointRepository;
import org.confide.audit.config.AuditConfig;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.auditlog.checkpoint.CheckpointText;
import org.confide.auditlog.checkpoint.SignedNote;
import org.jboss.logging.Logger;

/**
 * Signs an organisation's tree as a C2SP checkpoint every N entries or T seconds (docs/architecture.md "Data"):
 * the note {@code confide/<org>\n<size>\n<base64 root>\n} signed under the origin, stored with the hash of the
 * entry at seq = size. Under the tree row's lock, so replicas never sign two checkpoints of one size.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    AgroalDataSource db;

    @Inject
    TreeRepository tree;

    @Inject
    CheckpointRepository checkpoints;

    @Inject
    SigningKey key;

    @Inject
    AuditConfig config;

    /** Organisations with entries that no checkpoint covers yet. */
    @Transactional
    public List<String> pending() throws SQLException {
        List<String> orgs = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                     SELECT h.org FROM chain_head h
                     WHERE h.seq > COALESCE((SELECT max(tree_size) FROM checkpoint c WHERE c.org = h.org), 0)""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                orgs.add(rs.getString(1));
            }
        }
        return orgs;
    }

    /** Signs the integrated tree when a checkpoint is due; returns the new checkpoint, or null. */
    @Transactional
    public CheckpointRepository.Row signIfDue(String org, Instant now) throws SQLException {
        String origin = CheckpointText.origin(org);
        if (!SignedNote.validName(origin)) {
            LOG.warnf(
                    "organisation id %s cannot name a signed-note key (space or '+'): its log is not checkpointed",
                    org);
            return null;
        }
        try (Connection c = db.getConnection()) {
            long size = tree.lockSize(c, org);
            CheckpointRepository.Row latest = checkpoints.latest(c, org);
            long covered = latest == null ? 0 : latest.treeSize();
            if (size <= covered) {
                return null;
            }
            boolean due = latest == null
                    || size - covered >= config.checkpoint().everyEntries()
                    || !Duration.between(latest.signedAt().toInstant(), now)
                            .minus(config.checkpoint().interval())
                            .isNegative();
            if (!due) {
                return null;
            }
            byte[] root = tree.tree(c, org).hash(0, size);
            String entryHash = tree.entryHash(c, org, size);
            String text = new CheckpointText(origin, size, root).text();
            // One key for the signature and the public key named beside it, even when a rotation falls in between.
            SigningKey.Key signer = key.current(now);
            String signature = SignedNote.signature(text, origin, signer.pair());
            String note = SignedNote.note(text, origin, signature);
            var row = new CheckpointRepository.Row(
                    org,
                    size,
                    entryHash,
                    HEX.formatHex(root),
                    note,
                    signature,
                    SignedNote.verifierKey(origin, signer.publicKey()).encoded(),
                    AuditTime.normalise(now));
            return checkpoints.insert(c, row) ? row : null;
        }
    }
}
