package org.confide.records.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person the organisation supports. {@code identity} is JSON and never leaves this service in an event. */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Programme programme;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClientStatus status;

    @Column(name = "allocated_practitioner_id")
    public String allocatedPractitionerId;

    /** When the limits of confidentiality were explained (R-REC-5). */
    @Column(name = "limits_explained_at", nullable = false)
    public OffsetDateTime limitsExplainedAt;

    @Column(nullable = false, columnDefinition = "text")
    public String identity;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "contact_ceased_at")
    public OffsetDateTime contactCeasedAt;

    @Column(name = "legal_hold", nullable = false)
    public boolean legalHold;
}
