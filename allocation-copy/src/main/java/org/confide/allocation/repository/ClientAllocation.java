package org.confide.allocation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** This service's copy of a client's organisation, allocated practitioner and status, owned by records-service. */
@Entity
@Table(name = "client_allocation")
public class ClientAllocation extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String org;

    @Column(name = "practitioner_id")
    public String practitionerId;

    /** REFERRED, ACTIVE, CONTACT_CEASED or DESTROYED, as records-service says. */
    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
