package org.confide.records.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An outside body a complaining client may also go to (R-COMP-1), listed by the organisation's admin. */
@Entity
@Table(name = "complaint_outside_body")
public class OutsideBody extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(nullable = false, updatable = false)
    public int position;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public String url;

    @Column(name = "set_by", nullable = false, updatable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false, updatable = false)
    public OffsetDateTime setAt;
}
