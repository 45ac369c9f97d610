package org.confide.allocation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reads of the local allocation copy; one indexed lookup each. */
@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<ClientAllocation, String> {

    /** The client if it belongs to {@code org}; another organisation's client is absent. */
    public Optional<ClientAllocation> inOrg(String org, String clientId) {
        return findByIdOptional(clientId).filter(a -> a.org.equals(org));
    }

    /** Client ids of the current members of a group of {@code org}. */
    public List<String> activeMembers(String org, String groupId) {
        return getEntityManager()
                .createQuery(
                        "select m.clientId from GroupMembership m where m.org = ?1 and m.groupId = ?2 and m.active = true "
                                + "order by m.clientId",
                        String.class)
                .setParameter(1, org)
                .setParameter(2, groupId)
                .getResultList();
    }

    /** Client ids of every member a group of {@code org} has had, each with whether it is a current member. */
    public List<Member> members(String org, String groupId) {
        return getEntityManager()
                .createQuery(
                        "select new org.confide.allocation.repository.AllocationRepository$Member(m.clientId, m.active) "
                                + "from GroupMembership m where m.org = ?1 and m.groupId = ?2 order by m.clientId",
                        Member.class)
                .setParameter(1, org)
                .setParameter(2, groupId)
                .getResultList();
    }

    public record Member(String clientId, boolean current) {}

    /** Whether {@code practitionerId} facilitates a group of {@code org} the client is a current member of (R-REC-1). */
    public boolean facilitatesGroupOf(String org, String clientId, String practitionerId) {
        Number n = (Number) getEntityManager()
                .createNativeQuery(
                        "select count(*) from group_membership m join group_facilitator f on f.group_id = m.group_id"
                                + " where m.client_id = ?1 and m.active and m.org = ?2 and f.org = ?2 and f.practitioner_id = ?3")
                .setParameter(1, clientId)
                .setParameter(2, org)
                .setParameter(3, practitionerId)
                .getSingleResult();
        return n.longValue() > 0;
    }

    /** Whether the group is known in {@code org} at all: created, or with current or past members. */
    public boolean groupExists(String org, String groupId) {
        Number n = (Number) getEntityManager()
                .createNativeQuery("select (select count(*) from known_group where org = ?1 and group_id = ?2)"
                        + " + (select count(*) from group_membership where org = ?1 and group_id = ?2)")
                .setParameter(1, org)
                .setParameter(2, groupId)
                .getSingleResult();
        return n.longValue() > 0;
    }
}
