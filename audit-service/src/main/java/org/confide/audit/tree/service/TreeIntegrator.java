package org.confide.audit.tree.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.confide.audit.config.AuditConfig;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.auditlog.tree.MerkleTree;

/**
 * Grows an organisation's Merkle tree behind its chain (tessera's "integrate" step after sequencing): takes the
 * entries appended since the last run, in seq order, and stores the nodes of every 8th level they complete.
 * One transaction per chunk, under a lock of the tree's row, so replicas never integrate the same leaves twice.
 */
@ApplicationScoped
public class TreeIntegrator {

    private static final int S = TreeRepository.STRATUM;

    @Inject
    AgroalDataSource db;

    @Inject
    TreeRepository tree;

    @Inject
    AuditConfig config;

    /** Integrates up to one chunk of new entries; returns the integrated size after it. */
    @Transactional
    public long integrateChunk(String org) throws SQLException {
        try (Connection c = db.getConnection()) {
            long n0 = tree.lockSize(c, org);
            long head = tree.chainHead(c, org);
            long n1 = Math.min(head, n0 + config.checkpoint().integrateChunk());
            if (n1 <= n0) {
                return n0;
            }
            integrate(c, org, n0, n1);
            tree.setSize(c, org, n1);
            return n1;
        }
    }

    /** Stores the nodes of levels 8, 16, ... that the leaves {@code [n0, n1)} complete. */
    private void integrate(Connection c, String org, long n0, long n1) throws SQLException {
        for (int level = S; level < 63 && (n1 >> level) > 0; level += S) {
            long first = n0 >> level;
            long end = n1 >> level;
            if (end <= first) continue;
            List<byte[]> below = level == S
                    ? tree.leaves(c, org, first << level, end << level)
                    : tree.nodes(c, org, level - S, first << S, end << S);
            List<byte[]> made = new ArrayList<>((int) (end - first));
            for (int i = 0; i < below.size(); i += 1 << S) {
                made.add(MerkleTree.root(below.subList(i, i + (1 << S))));
            }
            tree.insertNodes(c, org, level, first, made);
        }
    }
}
