package org.confide.disclosure.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One version of an organisation's disclosure policy; never updated once written. */
@Entity
@Table(name = "disclosure_policy")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "require_imminence_for_risk_to_self", nullable = false, updatable = false)
    public boolean requireImminenceForRiskToSelf;

    @Column(name = "require_consultation", nullable = false, updatable = false)
    public boolean requireConsultation;

    /** A JSON array of organisation ids. */
    @Column(name = "partner_approval_orgs", nullable = false, updatable = false)
    public String partnerApprovalOrgs;

    @Column(name = "allow_emergency_before_approval", nullable = false, updatable = false)
    public boolean allowEmergencyBeforeApproval;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
