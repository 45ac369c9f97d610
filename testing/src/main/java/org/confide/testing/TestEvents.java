package org.confide.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.confide.events.EventData;
import org.confide.events.EventType;
import org.confide.events.Events;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.events.EventJson;

/**
 * Events written in tests, made from the typed records exactly as the services' outbox makes them (type, topic, key,
 * subject, data, the content-type header), so a changed event type breaks the tests that send it.
 */
public final class TestEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestEvents() {}

    /** The CloudEvent of {@code data}, by {@code actorId} ({@code role}) of {@code org}, with a new id. */
    public static CloudEvent cloudEvent(String org, String actorId, String role, String correlationId, EventData data) {
        EventType t = Events.of(data);
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                t.topic().replace("-events", "-service"),
                t.name(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                t.subjectOf(data),
                "application/json",
                org,
                actorId,
                role,
                correlationId,
                EventJson.write(MAPPER, data));
    }

    public static String json(CloudEvent e) {
        try {
            return MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The Kafka record of {@code e} as the outbox relay sends it: its type's topic and key, the content-type header (an
     * event a test spoiled on purpose, whose data is not its type's, is keyed by its subject).
     */
    public static ProducerRecord<String, String> record(CloudEvent e) {
        EventType t = Events.byName(e.type()).orElseThrow();
        String key;
        try {
            key = t.keyOf(EventJson.read(MAPPER, e), e.org());
        } catch (CloudEvent.InvalidEventException spoiled) {
            key = e.subject();
        }
        ProducerRecord<String, String> r = new ProducerRecord<>(t.topic(), key, json(e));
        r.headers().add("content-type", Events.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
