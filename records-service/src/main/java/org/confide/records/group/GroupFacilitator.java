package org.confide.records.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A practitioner allocated to a group; counts as allocated to its current members' records (R-REC-1). */
@Entity
@Table(name = "group_facilitator")
public class GroupFacilitator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @Column(name = "practitioner_id", nullable = false, updatable = false)
    public String practitionerId;

    @Column(name = "added_at", nullable = false, updatable = false)
    public OffsetDateTime addedAt;
}
