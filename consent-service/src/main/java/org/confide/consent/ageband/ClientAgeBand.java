package org.confide.consent.ageband;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A client's consent age band as records-service last published it (R-CONS-6); never a date of birth. */
@Entity
@Table(name = "client_age_band")
public class ClientAgeBand extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String org;

    /** A code of {@link org.confide.events.age.ConsentAgeBand}. */
    @Column(nullable = false)
    public String band;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
