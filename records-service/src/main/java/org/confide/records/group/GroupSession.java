package org.confide.records.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A session of a group; {@code note} is sealed with the group's own data key. */
@Entity
@Table(name = "group_session")
public class GroupSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Column(name = "note")
    public byte[] note;

    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** R-SAFE-2: why the whole session was ended early; null for a session that ran its course. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "end_reason")
    public SessionEndReason endReason;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
}
