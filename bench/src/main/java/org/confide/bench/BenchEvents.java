package org.confide.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.confide.events.EventData;
import org.confide.events.EventType;
import org.confide.events.Events;
import org.confide.events.RecordsEvents;

/** The records-events the benchmarks seed, made from the event records as records-service would send them. */
final class BenchEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BenchEvents() {}

    /** A registered, active client of {@code org}, allocated to {@code practitionerId} (or to no one). */
    static ProducerRecord<String, String> registered(String org, String clientId, String practitionerId) {
        return record(
                org,
                new RecordsEvents.ClientRegistered(
                        clientId,
                        "COUNSELLING",
                        "ACTIVE",
                        practitionerId,
                        true,
                        null,
                        "R-REC-5",
                        "16_OR_OVER")); // an adult: capacity presumed (R-CONS-6)
    }

    static ProducerRecord<String, String> record(String org, EventData data) {
        EventType t = Events.of(data);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "bench");
        e.put("type", t.name());
        e.put("time", Instant.now().toString());
        e.put("subject", t.subjectOf(data));
        e.put("datacontenttype", "application/json");
        e.put("org", org);
        e.put("actorid", "bench");
        e.put("actorrole", "manager");
        e.put("correlationid", "bench");
        e.put("data", Events.toData(data));
        try {
            ProducerRecord<String, String> r =
                    new ProducerRecord<>(t.topic(), t.keyOf(data, org), MAPPER.writeValueAsString(e));
            r.headers().add("content-type", Events.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
