package org.confide.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.confide.platform.kafka.ProcessedEvents;

/**
 * An idempotent consumer built as the services build theirs: each event applied once, by event id, through
 * platform's processed_event table, in the batch's transaction. "Applied" is a row in applied_event.
 */
@ApplicationScoped
public class AbsorbingConsumer {

    public static final String CONSUMER = "platform-test-absorbing";

    @Inject
    ProcessedEvents processed;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch) throws Exception {
        for (ConsumerRecord<String, String> r : batch) {
            String id = mapper.readTree(r.value()).get("id").asText();
            if (processed.firstTime(CONSUMER, id)) {
                em.createNativeQuery("insert into applied_event (consumer, event_id) values (?1, ?2)")
                        .setParameter(1, CONSUMER)
                        .setParameter(2, id)
                        .executeUpdate();
            }
        }
    }
}
