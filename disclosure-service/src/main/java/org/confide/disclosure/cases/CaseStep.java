package org.confide.disclosure.cases;

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

/** One step of a case, in order; never changed once written (R-PROC-3: what, with whom, when, on whose decision). */
@Entity
@Table(name = "disclosure_step")
public class CaseStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public StepKind kind;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;

    @Column(name = "actor_id", nullable = false, updatable = false)
    public String actorId;

    @Column(name = "actor_role", nullable = false, updatable = false)
    public String actorRole;

    /** JSON of the step's own fields, its free text apart ({@link #dataSealed}). */
    @Column(nullable = false, updatable = false)
    public String data;

    /** The step's free text (reasons, rationale, notes, names), sealed with the client's key (R-REC-3, ClientText.split). */
    @Column(name = "data_sealed")
    public byte[] dataSealed;
}
