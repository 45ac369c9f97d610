package org.confide.disclosure.cases.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.confide.disclosure.cases.CaseStatus;
import org.confide.disclosure.cases.CaseStep;
import org.confide.disclosure.cases.DisclosureCase;

/** Cases and their steps, always scoped by organisation. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<DisclosureCase, UUID> {

    public Optional<DisclosureCase> findInOrg(String org, UUID id) {
        return findByIdOptional(id).filter(c -> c.org.equals(org));
    }

    /** Locked until the transaction ends, so that two steps of one case never interleave. */
    public Optional<DisclosureCase> findInOrgForUpdate(String org, UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(c -> c.org.equals(org));
    }

    public void record(CaseStep step) {
        getEntityManager().persist(step);
    }

    public List<CaseStep> steps(UUID caseId) {
        return getEntityManager()
                .createQuery("from CaseStep s where s.caseId = ?1 order by s.id", CaseStep.class)
                .setParameter(1, caseId)
                .getResultList();
    }

    public Map<UUID, List<CaseStep>> steps(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) return Map.of();
        return getEntityManager()
                .createQuery("from CaseStep s where s.caseId in ?1 order by s.id", CaseStep.class)
                .setParameter(1, caseIds)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(s -> s.caseId, Collectors.toList()));
    }

    /**
     * A page of the organisation's cases in id order; {@code practitioner} non-null limits it to the cases they raised or
     * whose client is allocated to them.
     */
    public List<DisclosureCase> page(
            String org, String clientId, CaseStatus status, String practitioner, UUID after, int limit) {
        StringBuilder q = new StringBuilder("from DisclosureCase c where c.org = :org");
        if (clientId != null) q.append(" and c.clientId = :client");
        if (status != null) q.append(" and c.status = :status");
        if (practitioner != null) {
            q.append(" and (c.raisedBy = :p or c.clientId in (select a.clientId from ClientAllocation a"
                    + " where a.org = :org and a.practitionerId = :p))");
        }
        if (after != null) q.append(" and c.id > :after");
        q.append(" order by c.id");
        TypedQuery<DisclosureCase> query = getEntityManager()
                .createQuery(q.toString(), DisclosureCase.class)
                .setParameter("org", org)
                .setMaxResults(limit + 1);
        if (clientId != null) query.setParameter("client", clientId);
        if (status != null) query.setParameter("status", status);
        if (practitioner != null) query.setParameter("p", practitioner);
        if (after != null) query.setParameter("after", after);
        return query.getResultList();
    }
}
