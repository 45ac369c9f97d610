package org.confide.auditlog.chain;

/**
 * What an audit entry says, without its chain fields ({@code prevHash}, {@code hash}): the object that is canonicalised
 * and hashed (docs/api.md "Hashing"). Times are RFC 3339 UTC strings as served (milliseconds); {@code data} is the
 * event's data as canonical JSON text ({@link org.confide.auditlog.jcs.Jcs}), as stored, or null.
 */
public record LogEntry(
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
        String data) {}
