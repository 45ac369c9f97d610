package org.confide.records.letter.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.letter.Letter;
import org.confide.records.paging.TimeCursor;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<Letter, UUID> {

    public Optional<Letter> findInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id).firstResultOptional();
    }

    /** A page of a client's letters, oldest first (index letter_client). */
    public List<Letter> page(UUID clientId, TimeCursor after, int limit) {
        if (after == null) {
            return find("clientId = ?1 order by createdAt, id", clientId)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "clientId = :client and (createdAt > :at or (createdAt = :at and id > :id)) order by createdAt, id",
                        Parameters.with("client", clientId)
                                .and("at", after.at())
                                .and("id", after.id()))
                .page(0, limit)
                .list();
    }

    public List<Letter> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt, id", clientId);
    }
}
