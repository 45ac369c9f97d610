package org.confide.records.statement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** R-REC-6: this member of staff (token sub) acknowledged this version of the organisation's statement. */
@Entity
@Table(name = "statement_acknowledgement")
@IdClass(StatementAcknowledgement.Key.class)
public class StatementAcknowledgement extends PanacheEntityBase {

    @Id
    @Column(updatable = false)
    public String org;

    @Id
    @Column(updatable = false)
    public Integer version;

    @Id
    @Column(name = "user_id", updatable = false)
    public String userId;

    @Column(name = "acknowledged_at", nullable = false, updatable = false)
    public OffsetDateTime acknowledgedAt;

    public static class Key implements Serializable {
        public String org;
        public Integer version;
        public String userId;

        public Key() {}

        public Key(String org, Integer version, String userId) {
            this.org = org;
            this.version = version;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(org, k.org)
                    && Objects.equals(version, k.version)
                    && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(org, version, userId);
        }
    }
}
