package org.confide.records.group;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A client's membership of a group. {@code alias} (R-CONF-4) is sealed with the member client's data key and is held
 * here only, never as identity; leaving sets {@code leftAt} and keeps the row.
 */
@Entity
@Table(name = "group_member")
public class GroupMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false, updatable = false)
    public UUID groupId;

    @Column(nullable = false, updatable = false)
    public String org;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(name = "alias")
    public byte[] alias;

    @Column(name = "ground_rules_agreed_at", nullable = false, updatable = false)
    public OffsetDateTime groundRulesAgreedAt;

    @Column(name = "joined_at", nullable = false, updatable = false)
    public OffsetDateTime joinedAt;

    @Column(name = "left_at")
    public OffsetDateTime leftAt;

    @Column(name = "added_by", nullable = false, updatable = false)
    public String addedBy;

    public boolean current() {
        return leftAt == null;
    }
}
