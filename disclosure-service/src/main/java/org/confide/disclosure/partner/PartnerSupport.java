package org.confide.disclosure.partner;

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
import org.confide.disclosure.cases.Advice;

/** One answer of a supporting organisation's representative; never changed once written (a later answer replaces it). */
@Entity
@Table(name = "partner_support")
public class PartnerSupport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "decision_id", nullable = false, updatable = false)
    public UUID decisionId;

    @Column(name = "partner_org", nullable = false, updatable = false)
    public String partnerOrg;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Advice advice;

    @Column(name = "representative_id", updatable = false)
    public String representativeId;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_by_role", nullable = false, updatable = false)
    public String recordedByRole;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;
}
