package org.confide.records.group.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.confide.records.group.GroupExclusion;
import org.confide.records.paging.TimeCursor;

@ApplicationScoped
public class GroupExclusionRepository implements PanacheRepositoryBase<GroupExclusion, UUID> {

    /** R-SAFE-2: the exclusion of this client from this group that is in force, if any (index group_exclusion_active). */
    public Optional<GroupExclusion> inForce(UUID groupId, UUID clientId) {
        return find("groupId = ?1 and clientId = ?2 and liftedAt is null", groupId, clientId)
                .firstResultOptional();
    }

    /** The member ids of the group's exclusions in force (a session may not name them). */
    public Set<UUID> excludedMembers(UUID groupId) {
        return new HashSet<>(getEntityManager()
                .createQuery(
                        "select e.memberId from GroupExclusion e" + " where e.groupId = :group and e.liftedAt is null",
                        UUID.class)
                .setParameter("group", groupId)
                .getResultList());
    }

    public Optional<GroupExclusion> inGroup(UUID groupId, UUID id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }

    /** A page of the group's exclusions, lifted ones included, oldest first (index group_exclusion_group). */
    public List<GroupExclusion> page(UUID groupId, TimeCursor after, int limit) {
        if (after == null) {
            return find("groupId = ?1 order by decidedAt, id", groupId)
                    .page(0, limit)
                    .list();
        }
        return find(
                        "groupId = :group and (decidedAt > :at or (decidedAt = :at and id > :id)) order by decidedAt, id",
                        Parameters.with("group", groupId).and("at", after.at()).and("id", after.id()))
                .page(0, limit)
                .list();
    }

    /** A membership's exclusion, if it ended that way (the member's own file, R-REC-2). */
    public Optional<GroupExclusion> ofMember(UUID memberId) {
        return find("memberId = ?1 order by decidedAt desc", memberId).firstResultOptional();
    }
}
