package org.confide.records.note.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.confide.records.note.Note;
import org.confide.records.paging.TimeCursor;

@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<Note, UUID> {

    /** A page of a client's notes, oldest first (index note_client). */
    public List<Note> page(UUID clientId, TimeCursor after, int limit) {
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

    public List<Note> ofClient(UUID clientId) {
        return list("clientId = ?1 order by createdAt, id", clientId);
    }

    public long countOf(UUID clientId) {
        return count("clientId", clientId);
    }
}
