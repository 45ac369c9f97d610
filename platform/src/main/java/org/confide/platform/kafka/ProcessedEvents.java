package org.confide.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent-consumer table: an event id is applied once per consumer, in the transaction that applies it. Any
 * {@link BatchConsumer} handler may use it; the table {@code processed_event} comes with {@code db/allocation}
 * (allocation-copy's V0_3: an applied migration is never edited), so a service using it lists that location.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True the first time this consumer sees the event id; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String consumer, String eventId) {
        return em.createNativeQuery(
                                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate()
                == 1;
    }
}
