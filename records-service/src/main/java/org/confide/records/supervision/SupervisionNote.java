package org.confide.records.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** De-identified material for supervision (R-CONF-2); sealed with the client's key like everything about them. */
@Entity
@Table(name = "supervision_note")
public class SupervisionNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(nullable = false)
    public byte[] text;

    @Column(name = "author_id", nullable = false, updatable = false)
    public String authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
