package org.confide.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.confide.events.EventData;
import org.confide.events.EventType;
import org.confide.events.Events;
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.events.EventJson;

/**
 * Records an event in the outbox inside the caller's transaction: the change and its event commit together
 * or not at all, and the request never waits for Kafka ({@link OutboxRelay} publishes afterwards).
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    PlatformConfig config;

    @Inject
    Event<OutboxWritten> written;

    /** An event by the current caller, with the request's correlation id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent emit(EventData data) {
        return write(row(data));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent emit(EventData data, Actor actor, String correlationId) {
        return write(row(data, actor, correlationId));
    }

    private CloudEvent write(OutboxEvent row) {
        row.persist();
        written.fire(new OutboxWritten(row.id));
        return row.event;
    }

    /** The current caller's event as an outbox row, not yet written (DirectPublisher sends it without a row). */
    public OutboxEvent row(EventData data) {
        Caller caller = Arc.container().instance(Caller.class).get();
        String correlation = Arc.container().instance(CorrelationId.class).get().value();
        return row(data, caller.actor(), correlation);
    }

    /**
     * The event's type, topic, key and subject all come from its record's declaration (docs/api.md "Events"): a service
     * can only publish the types declared on its own topic.
     */
    OutboxEvent row(EventData data, Actor actor, String correlationId) {
        EventType type = Events.of(data);
        String topic = config.topic()
                .orElseThrow(() -> new IllegalStateException(
                        "confide.platform.topic is not set: this service publishes no events"));
        if (!topic.equals(type.topic())) {
            throw new IllegalStateException(type.name() + " is published on " + type.topic() + ", not on " + topic);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                config.serviceName(),
                type.name(),
                now.toString(),
                type.subjectOf(data),
                "application/json",
                actor.org(),
                actor.id(),
                actor.role(),
                correlationId == null ? UUID.randomUUID().toString() : correlationId,
                EventJson.write(mapper, data));
        OutboxEvent row = new OutboxEvent();
        row.event = event;
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.messageKey = type.keyOf(data, actor.org());
        row.eventType = type.name();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type.name() + " is not serialisable", e);
        }
        row.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return row;
    }

    /** Fired inside the transaction; the relay observes it after a successful commit and wakes up. */
    public record OutboxWritten(Long id) {}
}
