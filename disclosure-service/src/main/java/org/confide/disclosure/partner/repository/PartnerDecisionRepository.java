package org.confide.disclosure.partner.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.confide.disclosure.partner.PartnerDecision;
import org.confide.disclosure.partner.PartnerDecisionStatus;
import org.confide.disclosure.partner.PartnerSupport;

/** Partner decisions and their supports. */
@ApplicationScoped
public class PartnerDecisionRepository implements PanacheRepositoryBase<PartnerDecision, UUID> {

    /** Locked until the transaction ends, so that a support and taking effect never interleave. */
    public Optional<PartnerDecision> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public void record(PartnerSupport s) {
        getEntityManager().persist(s);
    }

    public List<PartnerSupport> supports(UUID decisionId) {
        return getEntityManager()
                .createQuery("from PartnerSupport s where s.decisionId = ?1 order by s.id", PartnerSupport.class)
                .setParameter(1, decisionId)
                .getResultList();
    }

    /**
     * A page in id order: the organisation's own decisions ({@code org}), or those that need the support of
     * {@code partnerOrg} (its JSON array of required organisations holds it).
     */
    public List<PartnerDecision> page(
            String org, String partnerOrg, PartnerDecisionStatus status, UUID after, int limit) {
        StringBuilder q = new StringBuilder("select * from partner_decision where ");
        q.append(org != null ? "org = :org" : "jsonb_exists(cast(required_orgs as jsonb), :partner)");
        if (status != null) q.append(" and status = :status");
        if (after != null) q.append(" and id > :after");
        q.append(" order by id limit :limit");
        jakarta.persistence.Query query = getEntityManager().createNativeQuery(q.toString(), PartnerDecision.class);
        if (org != null) query.setParameter("org", org);
        else query.setParameter("partner", partnerOrg);
        if (status != null) query.setParameter("status", status.name());
        if (after != null) query.setParameter("after", after);
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<PartnerDecision> rows = query.getResultList();
        return rows;
    }
}
