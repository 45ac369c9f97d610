package org.confide.audit.chain.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an audit entry says, without its chain fields ({@code prevHash}, {@code hash}), as served: exactly the object
 * that the log format's {@link org.confide.auditlog.chain.EntryHasher} canonicalises and hashes (docs/api.md
 * "Hashing"). Times are RFC 3339 UTC strings as served.
 */
public record EntryContent(
        long seq,
        String eventId,
        String type,
        String occurredAt,
        String recordedAt,
        String org,
        String actorId,
        String actorRole,
        String clientId,
        String correlationId,
        String source,
        JsonNode data) {

    /** The entry as JSON, every key present (null where absent), so that what is served is what was hashed. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("seq", seq);
        o.put("eventId", eventId);
        o.put("type", type);
        o.put("occurredAt", occurredAt);
        o.put("recordedAt", recordedAt);
        o.put("org", org);
        ObjectNode actor = o.putObject("actor");
        actor.put("id", actorId);
        actor.put("role", actorRole);
        o.put("clientId", clientId);
        o.put("correlationId", correlationId);
        o.put("source", source);
        o.set("data", data == null ? f.nullNode() : data);
        return o;
    }
}
