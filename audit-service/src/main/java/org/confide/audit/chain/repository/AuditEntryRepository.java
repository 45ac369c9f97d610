package org.confide.audit.chain.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.confide.audit.chain.AuditEntry;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, AuditEntry.Key> {

    /** Filters of {@code GET /audit/entries}; every one optional. */
    public record Filter(
            String clientId,
            String actorId,
            String type,
            String correlationId,
            OffsetDateTime from,
            OffsetDateTime to) {}

    /** How many of an organisation's entries one client's, one correlation id's, or both (a FHIR searchset's total). */
    public long countFor(String org, String clientId, String correlationId) {
        StringBuilder q = new StringBuilder("org = :org");
        Parameters p = Parameters.with("org", org);
        if (clientId != null) {
            q.append(" and clientId = :client");
            p.and("client", clientId);
        }
        if (correlationId != null) {
            q.append(" and correlationId = :cid");
            p.and("cid", correlationId);
        }
        return count(q.toString(), p);
    }

    /** One entry of an organisation's log; another organisation's is simply absent. */
    public java.util.Optional<AuditEntry> findInOrg(String org, long seq) {
        return find("org = ?1 and seq = ?2", org, seq).firstResultOptional();
    }

    /** One page of an organisation's entries, oldest first, after {@code afterSeq} (keyset paging on seq). */
    public List<AuditEntry> page(String org, Filter f, long afterSeq, int limit) {
        StringBuilder q = new StringBuilder("org = :org and seq > :after");
        Parameters p = Parameters.with("org", org).and("after", afterSeq);
        if (f.clientId() != null) {
            q.append(" and clientId = :client");
            p.and("client", f.clientId());
        }
        if (f.actorId() != null) {
            q.append(" and actorId = :actor");
            p.and("actor", f.actorId());
        }
        if (f.type() != null) {
            q.append(" and type = :type");
            p.and("type", f.type());
        }
        if (f.correlationId() != null) {
            q.append(" and correlationId = :cid");
            p.and("cid", f.correlationId());
        }
        if (f.from() != null) {
            q.append(" and occurredAt >= :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            q.append(" and occurredAt < :to");
            p.and("to", f.to());
        }
        q.append(" order by seq");
        return find(q.toString(), p).page(0, limit).list();
    }
}
