package org.confide.records.note;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A session note (R-REC-1); {@code body} is sealed with the client's data key. */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoteKind kind;

    @Column(nullable = false)
    public byte[] body;

    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
