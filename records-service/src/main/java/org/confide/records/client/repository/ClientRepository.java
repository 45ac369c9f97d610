package org.confide.records.client.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.records.client.Client;
import org.confide.records.client.ClientStatus;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    /** A client of the caller's organisation; another organisation's client is simply absent. */
    public Optional<Client> findInOrg(String org, UUID id) {
        return find("org = ?1 and id = ?2", org, id).firstResultOptional();
    }

    /**
     * R-REC-3: the org's ceased clients whose retention ended by {@code cutoff} and that have no hold, oldest first,
     * locked with SKIP LOCKED so that replicas share a run (index client_ceased).
     */
    public List<Client> dueForDestruction(String org, java.time.OffsetDateTime cutoff, int limit) {
        return getEntityManager()
                .createQuery(
                        "from Client c where c.org = :org and c.status = :ceased and c.contactCeasedAt <= :cutoff"
                                + " and c.legalHold = false order by c.contactCeasedAt",
                        Client.class)
                .setParameter("org", org)
                .setParameter("ceased", ClientStatus.CONTACT_CEASED)
                .setParameter("cutoff", cutoff)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(limit)
                .getResultList();
    }

    /** Organisations that have ceased clients (the scheduled run visits each). */
    public List<String> orgsWithCeasedClients() {
        return getEntityManager()
                .createQuery("select distinct c.org from Client c where c.status = :ceased", String.class)
                .setParameter("ceased", ClientStatus.CONTACT_CEASED)
                .getResultList();
    }

    /** One page of an organisation's clients, in creation order, after the given id (keyset paging). */
    public List<Client> page(String org, ClientStatus status, String practitionerId, UUID after, int limit) {
        StringBuilder q = new StringBuilder("org = :org");
        var params = io.quarkus.panache.common.Parameters.with("org", org);
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        if (practitionerId != null) {
            q.append(" and allocatedPractitionerId = :practitioner");
            params.and("practitioner", practitionerId);
        }
        if (after != null) {
            q.append(" and id > :after");
            params.and("after", after);
        }
        q.append(" order by id");
        return find(q.toString(), params).page(0, limit).list();
    }
}
