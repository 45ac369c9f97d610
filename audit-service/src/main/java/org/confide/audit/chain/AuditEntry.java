package org.confide.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.confide.audit.chain.rule.EntryContent;
import org.hibernate.annotations.Immutable;

/** One entry of an organisation's audit chain, read-only here: rows are appended by ChainAppender alone. */
@Entity
@Immutable
@Table(name = "audit_entry")
@IdClass(AuditEntry.Key.class)
public class AuditEntry extends PanacheEntityBase {

    @Id
    public String org;

    @Id
    public long seq;

    @Column(name = "event_id")
    public String eventId;

    public String type;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "correlation_id")
    public String correlationId;

    public String source;

    /** The event's data as canonical JSON text. */
    public String data;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    public EntryContent content(JsonNode parsedData) {
        return new EntryContent(
                seq,
                eventId,
                type,
                AuditTime.format(occurredAt),
                AuditTime.format(recordedAt),
                org,
                actorId,
                actorRole,
                clientId,
                correlationId,
                source,
                parsedData);
    }

    public static class Key implements Serializable {
        public String org;
        public long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.org, org);
        }

        @Override
        public int hashCode() {
            return Objects.hash(org, seq);
        }
    }
}
