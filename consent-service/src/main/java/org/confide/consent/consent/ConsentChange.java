package org.confide.consent.consent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a consent's state, kept for ever (R-CONS-4: withdrawal is itself recorded). */
@Entity
@Table(name = "consent_history")
public class ConsentChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consent_id", nullable = false, updatable = false)
    public UUID consentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    public ConsentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ConsentStatus status;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;

    @Column(name = "actor_id", nullable = false, updatable = false)
    public String actorId;

    @Column(name = "actor_role", nullable = false, updatable = false)
    public String actorRole;

    /**
     * Why (a withdrawal's reason, as given), sealed with the client's key (R-REC-3, ClientText); stays in this service,
     * never in an event.
     */
    @Column(updatable = false)
    public byte[] reason;
}
