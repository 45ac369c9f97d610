package org.confide.audit.tiles.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.confide.audit.checkpoint.repository.CheckpointRepository;
import org.confide.audit.tiles.repository.EntryRangeRepository;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.audit.witness.repository.CosignatureRepository;
import org.confide.auditlog.tiles.Tiles;
import org.confide.platform.problem.ProblemException;

/**
 * An organisation's log as C2SP tlog-tiles (docs/api.md "A log others can check and witness"): the latest checkpoint
 * with its cosignatures, and any hash tile or entry bundle that lies within it. Level 0 tiles are the entries' leaf
 * hashes, level L tiles the stored nodes of tree level 8L (TreeRepository keeps exactly those).
 */
@ApplicationScoped
@Transactional
public class TilesService {

    @Inject
    AgroalDataSource db;

    @Inject
    CheckpointRepository checkpoints;

    @Inject
    CosignatureRepository cosignatures;

    @Inject
    TreeRepository tree;

    @Inject
    EntryRangeRepository entries;

    /** The signed note of the latest checkpoint, its witnesses' cosignature lines appended. */
    public String checkpoint(String org) throws SQLException {
        try (Connection c = db.getConnection()) {
            CheckpointRepository.Row r = checkpoints.latest(c, org);
            if (r == null) throw ProblemException.notFound("checkpoint");
            StringBuilder sb = new StringBuilder(r.note());
            for (CosignatureRepository.Row cs : cosignatures.of(c, org, r.treeSize())) sb.append(cs.line());
            return sb.toString();
        }
    }

    /** A hash tile or entry bundle; 404 when the latest checkpoint does not cover all of it. */
    public byte[] tile(String org, Tiles.TilePath t) throws SQLException {
        try (Connection c = db.getConnection()) {
            CheckpointRepository.Row r = checkpoints.latest(c, org);
            if (r == null) throw ProblemException.notFound("checkpoint");
            long size = r.treeSize();
            int level = t.level() == Tiles.ENTRIES ? 0 : t.level();
            // Hashes [first, first + width) of this level: within the tree when (first + width) * 256^level <= size.
            long first = t.index() * Tiles.WIDTH;
            if (level > 7
                    || t.index() > (size >> (8 * level)) / Tiles.WIDTH
                    || ((first + t.width()) << (8 * level)) > size) {
                throw ProblemException.notFound(t.path() + " (the latest checkpoint has " + size + " entries)");
            }
            if (t.level() == Tiles.ENTRIES) {
                List<byte[]> bundle = entries.entries(c, org, first, first + t.width());
                if (bundle.size() != t.width())
                    throw new IllegalStateException("the log of " + org + " lacks entries in " + t.path());
                return Tiles.bundle(bundle);
            }
            List<byte[]> hashes = level == 0
                    ? tree.leaves(c, org, first, first + t.width())
                    : tree.nodes(c, org, TreeRepository.STRATUM * level, first, first + t.width());
            ByteArrayOutputStream out = new ByteArrayOutputStream(hashes.size() * 32);
            for (byte[] h : hashes) out.writeBytes(h);
            return out.toByteArray();
        }
    }
}
