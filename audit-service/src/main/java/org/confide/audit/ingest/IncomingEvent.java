package org.confide.audit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** A checked event from a topic, ready to be appended to its organisation's chain. */
public record IncomingEvent(
        String id,
        String type,
        OffsetDateTime occurredAt,
        String org,
        String actorId,
        String actorRole,
        String clientId,
        String correlationId,
        String source,
        JsonNode data) {}
