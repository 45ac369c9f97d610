package org.confide.audit.entries.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of an audit entry as the OpenAPI document publishes it (docs/api.md "Entry"). The entries themselves are
 * served as stored, canonical JSON, so that a client can hash them byte for byte; these records only describe them.
 */
public final class EntrySchemas {

    private EntrySchemas() {}

    @Schema(
            name = "AuditEntry",
            description = "One entry of the append-only log: ids, codes and rule ids, never free text.")
    public record Entry(
            @Schema(description = "Position in the organisation's chain, from 1")
            long seq,

            UUID eventId,

            @Schema(description = "The event type, e.g. disclosure.decided")
            String type,

            OffsetDateTime occurredAt,
            OffsetDateTime recordedAt,
            String org,
            Actor actor,
            @Schema(nullable = true) String clientId,
            @Schema(nullable = true) String correlationId,

            @Schema(description = "The service that emitted the event")
            String source,

            @Schema(description = "The fields the event's type declares, each an id or a code")
            Map<String, Object> data,

            @Schema(description = "SHA-256 of the previous entry, hex")
            String prevHash,

            @Schema(description = "SHA-256 of this entry's canonical JSON and prevHash, hex")
            String hash) {}

    @Schema(name = "AuditActor")
    public record Actor(String id, String role) {}

    @Schema(
            name = "AuditEntryPage",
            description = "A page of entries, oldest first; nextCursor is null on the last page.")
    public record EntryPage(
            List<Entry> items, @Schema(nullable = true) String nextCursor) {}
}
