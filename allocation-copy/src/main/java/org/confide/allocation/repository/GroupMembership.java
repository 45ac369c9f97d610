package org.confide.allocation.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** This service's copy of who is a current member of a group or network (R-CONF-3). */
@Entity
@Table(name = "group_membership")
@IdClass(GroupMembership.Key.class)
public class GroupMembership extends PanacheEntityBase {

    @Id
    @Column(name = "group_id")
    public String groupId;

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String org;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static class Key implements Serializable {
        public String groupId;
        public String clientId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.groupId, groupId) && Objects.equals(k.clientId, clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, clientId);
        }
    }
}
