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

/**
 * R-REC-6: one published version of an organisation's confidentiality statement. Never changed once written (the
 * table refuses updates and deletes); a new text is a new version.
 */
@Entity
@Table(name = "confidentiality_statement")
@IdClass(ConfidentialityStatement.Key.class)
public class ConfidentialityStatement extends PanacheEntityBase {

    @Id
    @Column(updatable = false)
    public String org;

    @Id
    @Column(updatable = false)
    public Integer version;

    @Column(nullable = false, updatable = false)
    public String text;

    @Column(name = "published_by", nullable = false, updatable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt;

    public static class Key implements Serializable {
        public String org;
        public Integer version;

        public Key() {}

        public Key(String org, Integer version) {
            this.org = org;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(org, k.org) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(org, version);
        }
    }
}
