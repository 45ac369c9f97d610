package org.confide.audit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.confide.events.EventData;
import org.confide.events.EventType;
import org.confide.events.Events;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.events.EventJson;
import org.confide.testing.TestEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract between the producers and the audit log (issue 17): for every declared event type, an event with every
 * field set, as the outbox writes it, reaches the entry's data with every field and every code, unchanged.
 * AuditIngestTest sends the same events through Kafka to the stored entries.
 */
class EventContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<EventType> types() {
        return Events.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    @DisplayName("docs/api.md Events on the wire: every field of every event type reaches the audit entry")
    void everyFieldReachesTheEntry(EventType type) throws Exception {
        EventData sample = Events.sample(type);
        CloudEvent sent = TestEvents.cloudEvent("org-contract", "actor-1", "manager", "corr-1", sample);
        IncomingEvent entry = new AuditIngestHandler()
                .withAllowedData(AuditIngestHandler.toEvent(CloudEvent.parse(MAPPER, TestEvents.json(sent))));
        assertEquals(EventJson.write(MAPPER, sample), entry.data());
        assertEquals(type.fieldNames().size(), entry.data().size());
        assertEquals(sample, Events.fromData(type.name(), MAPPER.convertValue(entry.data(), java.util.Map.class)));
    }
}
