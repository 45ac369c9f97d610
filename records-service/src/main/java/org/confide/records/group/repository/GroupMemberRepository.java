package org.confide.records.group.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.group.GroupMember;

@ApplicationScoped
public class GroupMemberRepository implements PanacheRepositoryBase<GroupMember, UUID> {

    /** The group's current members, in joining order. */
    public List<GroupMember> current(UUID groupId) {
        return list("groupId = ?1 and leftAt is null order by joinedAt, id", groupId);
    }

    public Optional<GroupMember> currentOf(UUID groupId, UUID clientId) {
        return find("groupId = ?1 and clientId = ?2 and leftAt is null", groupId, clientId)
                .firstResultOptional();
    }

    public Optional<GroupMember> inGroup(UUID groupId, UUID memberId) {
        return find("groupId = ?1 and id = ?2", groupId, memberId).firstResultOptional();
    }

    /** Every membership of a client, current or past (the client's own file, retention). */
    public List<GroupMember> ofClient(UUID clientId) {
        return list("clientId = ?1 order by joinedAt, id", clientId);
    }
}
