package org.confide.records.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A partner organisation's webhook endpoint and its Standard Webhooks secret ({@code whsec_...}), rotatable. */
@Entity
@Table(name = "partner_webhook")
public class PartnerWebhook extends PanacheEntityBase {

    @Id
    @Column(name = "partner_org")
    public String partnerOrg;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String secret;

    /** Still signs, beside {@link #secret}, until {@link #previousUntil}: the partner switches without a gap. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_until")
    public OffsetDateTime previousUntil;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public OffsetDateTime registeredAt;

    @Column(name = "rotated_at")
    public OffsetDateTime rotatedAt;
}
