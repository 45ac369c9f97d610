package org.confide.records.statement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.confide.records.statement.StatementAcknowledgement;

@ApplicationScoped
public class AcknowledgementRepository
        implements PanacheRepositoryBase<StatementAcknowledgement, StatementAcknowledgement.Key> {

    public Optional<StatementAcknowledgement> of(String org, int version, String userId) {
        return findByIdOptional(new StatementAcknowledgement.Key(org, version, userId));
    }
}
