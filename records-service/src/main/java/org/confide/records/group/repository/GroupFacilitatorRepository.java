package org.confide.records.group.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.confide.records.group.GroupFacilitator;

@ApplicationScoped
public class GroupFacilitatorRepository implements PanacheRepositoryBase<GroupFacilitator, UUID> {

    /** The group's facilitators, in the order they were added. */
    public List<String> of(UUID groupId) {
        return getEntityManager()
                .createQuery(
                        "select f.practitionerId from GroupFacilitator f where f.groupId = :group"
                                + " order by f.addedAt, f.id",
                        String.class)
                .setParameter("group", groupId)
                .getResultList();
    }

    public boolean facilitates(UUID groupId, String practitionerId) {
        return count("groupId = ?1 and practitionerId = ?2", groupId, practitionerId) > 0;
    }

    /**
     * R-REC-1: whether the practitioner facilitates a group of which the client is a current member (indexes
     * group_member_client, group_facilitator's unique key).
     */
    public boolean facilitatesGroupOf(UUID clientId, String practitionerId) {
        return getEntityManager()
                        .createQuery(
                                "select count(f) from GroupFacilitator f, GroupMember m"
                                        + " where m.clientId = :client and m.leftAt is null and f.groupId = m.groupId"
                                        + " and f.practitionerId = :practitioner",
                                Long.class)
                        .setParameter("client", clientId)
                        .setParameter("practitioner", practitionerId)
                        .getSingleResult()
                > 0;
    }
}
