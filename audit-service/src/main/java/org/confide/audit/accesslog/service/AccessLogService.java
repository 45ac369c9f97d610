package org.confide.audit.accesslog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.confide.audit.accesslog.rule.AccessLogRule;
import org.confide.audit.chain.AuditEntry;
import org.confide.audit.chain.AuditTime;
import org.confide.audit.chain.repository.AuditEntryRepository;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** {@code GET /me/access-log}: a client's own access log, newest first, keyset-paged on seq. */
@ApplicationScoped
@Transactional
public class AccessLogService {

    @Inject
    AuditEntryRepository entries;

    @Inject
    ObjectMapper mapper;

    public Page<AccessLogRule.Item> page(String org, String client, PageRequest page) {
        long before = page.afterLong(Long.MAX_VALUE);
        // Served by the index (org, client_id, seq), read backwards.
        List<AuditEntry> found = entries.find("""
                        org = :org and clientId = :client and seq < :before and type in :types
                        and (actorId is null or actorId <> :client) order by seq desc""",
                Parameters.with("org", org).and("client", client).and("before", before)
                        .and("types", AccessLogRule.TYPES.keySet()))
                .page(0, page.limit()).list();
        List<AccessLogRule.Item> items = found.stream()
                .filter(e -> AccessLogRule.shows(e.type, e.clientId, e.actorId, client))
                .map(e -> AccessLogRule.item(e.seq, AuditTime.format(e.occurredAt), e.type, e.actorRole, e.org,
                        e.correlationId, parse(e.data)))
                .toList();
        String next = found.size() == page.limit() ? PageRequest.encode(Long.toString(found.getLast().seq)) : null;
        return new Page<>(items, next);
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
