package org.confide.disclosure.retention.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.confide.allocation.service.ClientDestroyed;

/**
 * R-REC-3: when records-service destroys a client, this service clears the client's free text (case summaries,
 * recipients' names, reasons, rationales and notes of steps) in the same transaction that records it; the platform
 * then deletes the client's key (KeyShredding), so copies taken before, backups included, no longer decrypt. What is
 * left are ids, codes, dates and rule ids.
 */
@ApplicationScoped
public class ClientDestruction {

    @Inject
    EntityManager em;

    void onDestroyed(@Observes ClientDestroyed e) {
        em.createNativeQuery(
                        "update disclosure_step set data_sealed = null where data_sealed is not null and case_id in "
                                + "(select id from disclosure_case where org = ?1 and client_id = ?2)")
                .setParameter(1, e.org())
                .setParameter(2, e.clientId())
                .executeUpdate();
        em.createNativeQuery(
                        "update disclosure_case set summary = null, recipients_sealed = null, assessment_sealed = null "
                                + "where org = ?1 and client_id = ?2")
                .setParameter(1, e.org())
                .setParameter(2, e.clientId())
                .executeUpdate();
    }
}
