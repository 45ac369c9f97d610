package org.confide.records.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner organisation whose referrals the organisation accepts (R-REF-1), listed by its admin. */
@Entity
@Table(name = "accepted_partner")
public class AcceptedPartner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "partner_org", nullable = false, updatable = false)
    public String partnerOrg;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    public OffsetDateTime acceptedAt;

    @Column(name = "accepted_by", nullable = false, updatable = false)
    public String acceptedBy;
}
