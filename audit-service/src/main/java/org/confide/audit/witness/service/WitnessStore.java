package org.confide.audit.witness.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.confide.audit.tree.repository.TreeRepository;
import org.confide.audit.witness.repository.CosignatureRepository;
import org.confide.auditlog.proof.ConsistencyProof;

/** The database side of sending a checkpoint to a witness, each in a short transaction of its own. */
@ApplicationScoped
@Transactional
public class WitnessStore {

    @Inject
    AgroalDataSource db;

    @Inject
    TreeRepository tree;

    @Inject
    CosignatureRepository cosignatures;

    public long lastCosigned(String org, String witness) throws SQLException {
        try (Connection c = db.getConnection()) {
            return cosignatures.lastCosigned(c, org, witness);
        }
    }

    /** The consistency proof from {@code from} to {@code to} over the stored tree (both within the integrated size). */
    public List<byte[]> proof(String org, long from, long to) throws SQLException {
        try (Connection c = db.getConnection()) {
            return ConsistencyProof.path(from, to, tree.tree(c, org));
        }
    }

    public void store(CosignatureRepository.Row row) throws SQLException {
        try (Connection c = db.getConnection()) {
            cosignatures.insert(c, row);
        }
    }
}
