package org.confide.records.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A milestone of a client; for a referred client it is also the referrer's written notice (R-REF-1). */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(name = "referral_id", updatable = false)
    public UUID referralId;

    @Column(name = "referrer_org", updatable = false)
    public String referrerOrg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MilestoneType type;

    @Column(name = "practitioner_id", updatable = false)
    public String practitionerId;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;
}
