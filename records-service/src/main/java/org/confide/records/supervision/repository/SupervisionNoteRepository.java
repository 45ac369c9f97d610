package org.confide.records.supervision.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.confide.records.supervision.SupervisionNote;

@ApplicationScoped
public class SupervisionNoteRepository implements PanacheRepositoryBase<SupervisionNote, UUID> {

    public List<SupervisionNote> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt, id", clientId);
    }
}
