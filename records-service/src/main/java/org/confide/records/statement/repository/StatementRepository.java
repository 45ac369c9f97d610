package org.confide.records.statement.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.confide.records.statement.ConfidentialityStatement;

@ApplicationScoped
public class StatementRepository
        implements PanacheRepositoryBase<ConfidentialityStatement, ConfidentialityStatement.Key> {

    /** The current version: the one published last. */
    public Optional<ConfidentialityStatement> current(String org) {
        return find("org = ?1 order by version desc", org).firstResultOptional();
    }

    public Optional<ConfidentialityStatement> version(String org, int version) {
        return findByIdOptional(new ConfidentialityStatement.Key(org, version));
    }

    /** A page of the org's versions, newest first, below {@code before} when given. */
    public List<ConfidentialityStatement> page(String org, Integer before, int limit) {
        if (before == null)
            return find("org = ?1 order by version desc", org).page(0, limit).list();
        return find("org = ?1 and version < ?2 order by version desc", org, before)
                .page(0, limit)
                .list();
    }
}
