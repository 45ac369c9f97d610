package org.confide.records.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An organisation's retention period (R-REC-3), set by its admin. */
@Entity
@Table(name = "retention_setting")
public class RetentionSetting extends PanacheEntityBase {

    @Id
    public String org;

    @Column(name = "retention_days", nullable = false)
    public int retentionDays;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
