package org.confide.consent.retention.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.confide.allocation.service.ClientDestroyed;

/**
 * R-REC-3: when records-service destroys a client, this service clears the client's free text (recipient names,
 * evidence references, withdrawal and capacity reasons, the explanations of a finding of incapacity) in the same transaction that records it; the platform then
 * deletes the client's key (KeyShredding), so copies taken before, backups included, no longer decrypt. What is left
 * are ids, codes, dates and rule ids.
 */
@ApplicationScoped
public class ClientDestruction {

    @Inject
    EntityManager em;

    void onDestroyed(@Observes ClientDestroyed e) {
        em.createNativeQuery("update consent_history set reason = null where reason is not null and consent_id in "
                        + "(select id from consent where org = ?1 and client_id = ?2)")
                .setParameter(1, e.org())
                .setParameter(2, e.clientId())
                .executeUpdate();
        em.createNativeQuery(
                        "update consent set recipient_name = null, evidence_ref = null where org = ?1 and client_id = ?2")
                .setParameter(1, e.org())
                .setParameter(2, e.clientId())
                .executeUpdate();
        em.createNativeQuery("update capacity_assessment set reasons = null, explanation_to_person = null, "
                        + "explanation_to_significant_other = null where org = ?1 and client_id = ?2")
                .setParameter(1, e.org())
                .setParameter(2, e.clientId())
                .executeUpdate();
    }
}
