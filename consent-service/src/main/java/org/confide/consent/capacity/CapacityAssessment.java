package org.confide.consent.capacity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An assessment of a client's capacity for one matter, at one time (R-CONS-5). */
@Entity
@Table(name = "capacity_assessment")
public class CapacityAssessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Matter matter;

    @Column(name = "has_capacity", nullable = false, updatable = false)
    public boolean hasCapacity;

    /**
     * The assessor's reasons, sealed with the client's key (R-REC-3, ClientText); free text that stays in this service,
     * never in an event; null once the client is destroyed.
     */
    @Column(updatable = false)
    public byte[] reasons;

    @Column(name = "assessed_at", nullable = false, updatable = false)
    public OffsetDateTime assessedAt;

    @Column(name = "assessed_by", nullable = false, updatable = false)
    public String assessedBy;

    @Column(name = "assessed_by_role", nullable = false, updatable = false)
    public String assessedByRole;
}
