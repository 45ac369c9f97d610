package org.confide.disclosure.partner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A major decision of the organisation that its supporting organisations must support first (R-REF-2). */
@Entity
@Table(name = "partner_decision")
public class PartnerDecision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PartnerDecisionKind kind;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "invited_org", updatable = false)
    public String invitedOrg;

    /** JSON array: the policy's partnerApprovalOrgs when it was proposed; a later policy does not change it. */
    @Column(name = "required_orgs", nullable = false, updatable = false)
    public String requiredOrgs;

    @Column(name = "policy_version", nullable = false, updatable = false)
    public int policyVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerDecisionStatus status;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    public String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    public OffsetDateTime proposedAt;

    @Column(name = "took_effect_by")
    public String tookEffectBy;

    @Column(name = "took_effect_at")
    public OffsetDateTime tookEffectAt;
}
