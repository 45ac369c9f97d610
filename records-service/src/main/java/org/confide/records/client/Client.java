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

/**
 * A person the organisation supports. {@code identity} is JSON sealed with the client's own data key
 * (kept, sealed by the master key, only in the separate key vault: crypto.KeyVault, R-REC-3); neither ever leaves
 * this service in an event.
 * A destroyed client keeps only this row's ids, status and times (the tombstone).
 */
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

    /** When the limits of confidentiality were explained (R-REC-5); null for a referral not yet met. */
    @Column(name = "limits_explained_at")
    public OffsetDateTime limitsExplainedAt;

    /** When the client was told their work may be taken to supervision (R-CONF-5); null: never told, never supervised. */
    @Column(name = "supervision_explained_at")
    public OffsetDateTime supervisionExplainedAt;

    /** The version of the confidentiality statement explained at intake (R-REC-6); null when none was published. */
    @Column(name = "statement_version")
    public Integer statementVersion;

    @Column(name = "identity")
    public byte[] identity;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "referrer_org")
    public String referrerOrg;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "contact_ceased_at")
    public OffsetDateTime contactCeasedAt;

    @Column(name = "legal_hold", nullable = false)
    public boolean legalHold;

    @Column(name = "legal_hold_reason")
    public String legalHoldReason;

    @Column(name = "destroyed_at")
    public OffsetDateTime destroyedAt;

    public boolean destroyed() {
        return status == ClientStatus.DESTROYED;
    }
}
