package org.confide.platform.allocation;

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
                .createQuery("select m.clientId from GroupMembership m where m.org = ?1 and m.groupId = ?2 and m.active = true "
                        + "order by m.clientId", String.class)
                .setParameter(1, org).setParameter(2, groupId).getResultList();
    }

    /** Whether the group is known in {@code org} at all (current or past members). */
    public boolean groupExists(String org, String groupId) {
        return getEntityManager()
                .createQuery("select count(m) from GroupMembership m where m.org = ?1 and m.groupId = ?2", Long.class)
                .setParameter(1, org).setParameter(2, groupId).getSingleResult() > 0;
    }
}
