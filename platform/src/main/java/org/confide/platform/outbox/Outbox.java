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
import org.confide.platform.auth.Actor;
import org.confide.platform.auth.Caller;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.correlation.CorrelationId;
import org.confide.platform.events.CloudEvent;

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
    public CloudEvent emit(String type, String clientId, Object data) {
        return write(row(type, clientId, data));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent emit(String type, String clientId, Actor actor, String correlationId, Object data) {
        return write(row(type, clientId, actor, correlationId, data));
    }

    private CloudEvent write(OutboxEvent row) {
        row.persist();
        written.fire(new OutboxWritten(row.id));
        return row.event;
    }

    /** The current caller's event as an outbox row, not yet written (see {@link OutboxGroupCommit}). */
    public OutboxEvent row(String type, String clientId, Object data) {
        Caller caller = Arc.container().instance(Caller.class).get();
        String correlation = Arc.container().instance(CorrelationId.class).get().value();
        return row(type, clientId, caller.actor(), correlation, data);
    }

    OutboxEvent row(String type, String clientId, Actor actor, String correlationId, Object data) {
        String topic = config.topic().orElseThrow(() ->
                new IllegalStateException("confide.platform.topic is not set: this service publishes no events"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.serviceName(),
                type, now.toString(), clientId, "application/json", actor.org(), actor.id(), actor.role(),
                correlationId == null ? UUID.randomUUID().toString() : correlationId, mapper.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.event = event;
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.messageKey = clientId;
        row.eventType = type;
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serialisable", e);
        }
        row.createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return row;
    }

    /** Fired inside the transaction; the relay observes it after a successful commit and wakes up. */
    public record OutboxWritten(Long id) {
    }
}
