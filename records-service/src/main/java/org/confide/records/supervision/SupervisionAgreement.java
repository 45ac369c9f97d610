package org.confide.records.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** R-CONF-5: a manager's consent that this practitioner takes their work to this supervisor; ended, it is kept as history. */
@Entity
@Table(name = "supervision_agreement")
public class SupervisionAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "supervisor_id", nullable = false, updatable = false)
    public String supervisorId;

    @Column(name = "practitioner_id", nullable = false, updatable = false)
    public String practitionerId;

    @Column(name = "assigned_by", nullable = false, updatable = false)
    public String assignedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    public boolean ended() {
        return endedAt != null;
    }
}
