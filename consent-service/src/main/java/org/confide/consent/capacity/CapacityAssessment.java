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

/** An assessment of a client's capacity (R-CONS-5) or competence (R-CONS-6) for one matter, at one time. */
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

    /** Which test was applied: CAPACITY (R-CONS-5) or, for a client under 16, COMPETENCE (Gillick, R-CONS-6). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AssessmentKind kind = AssessmentKind.CAPACITY;

    /** R-CONS-6: how a finding of incapacity was explained to the person; sealed as {@link #reasons} is. */
    @Column(name = "explanation_to_person", updatable = false)
    public byte[] explanationToPerson;

    /** R-CONS-6: whether the person has a significant other (asked when capacity is found lacking). */
    @Column(name = "has_significant_other", updatable = false)
    public Boolean hasSignificantOther;

    /** R-CONS-6: how the finding was explained to the significant other; sealed as {@link #reasons} is. */
    @Column(name = "explanation_to_significant_other", updatable = false)
    public byte[] explanationToSignificantOther;

    @Column(name = "assessed_at", nullable = false, updatable = false)
    public OffsetDateTime assessedAt;

    @Column(name = "assessed_by", nullable = false, updatable = false)
    public String assessedBy;

    @Column(name = "assessed_by_role", nullable = false, updatable = false)
    public String assessedByRole;
}
