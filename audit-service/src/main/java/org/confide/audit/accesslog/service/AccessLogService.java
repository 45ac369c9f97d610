package org.confide.audit.accesslog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * Keyset pages of {@code limit} candidates (index (org, client_id, seq), read backwards) until the page is full:
     * the steps of disclosure cases the client may not yet see (R-PROC-1) are left out, each page's cases checked in one
     * query on the index (org, correlation_id, seq).
     */
    public Page<AccessLogRule.Item> page(String org, String client, PageRequest page) {
        long before = page.afterLong(Long.MAX_VALUE);
        List<AccessLogRule.Item> items = new ArrayList<>();
        boolean more = true;
        while (more && items.size() < page.limit()) {
            List<AuditEntry> found = entries.find(
                            """
                            org = :org and clientId = :client and seq < :before and type in :types
                            and (actorId is null or actorId <> :client) order by seq desc""",
                            Parameters.with("org", org)
                                    .and("client", client)
                                    .and("before", before)
                                    .and("types", AccessLogRule.TYPES.keySet()))
                    .page(0, page.limit())
                    .list();
            more = found.size() == page.limit();
            Set<String> visibleCases = visibleCases(org, client, found);
            for (AuditEntry e : found) {
                before = e.seq;
                if (AccessLogRule.shows(e.type, e.clientId, e.actorId, client)
                        && (!AccessLogRule.caseStep(e.type) || visibleCases.contains(e.correlationId))) {
                    items.add(AccessLogRule.item(
                            e.seq,
                            AuditTime.format(e.occurredAt),
                            e.type,
                            e.actorRole,
                            e.org,
                            e.correlationId,
                            parse(e.data)));
                    if (items.size() == page.limit()) break;
                }
            }
        }
        String next = more ? PageRequest.encode(Long.toString(before)) : null;
        return new Page<>(items, next);
    }

    /** R-PROC-1: of the disclosure cases among {@code found}, those whose steps the client may see. */
    private Set<String> visibleCases(String org, String client, List<AuditEntry> found) {
        Set<String> cases = found.stream()
                .filter(e -> AccessLogRule.caseStep(e.type) && e.correlationId != null)
                .map(e -> e.correlationId)
                .collect(Collectors.toSet());
        if (cases.isEmpty()) return Set.of();
        Map<String, List<AccessLogRule.Involvement>> involvements = new HashMap<>();
        cases.forEach(c -> involvements.put(c, new ArrayList<>()));
        entries.find(
                        "org = :org and correlationId in :cases and type = :type and clientId = :client order by seq",
                        Parameters.with("org", org)
                                .and("cases", cases)
                                .and("type", AccessLogRule.INVOLVEMENT)
                                .and("client", client))
                .list()
                .forEach(e -> involvements.get(e.correlationId).add(AccessLogRule.Involvement.of(parse(e.data))));
        return involvements.entrySet().stream()
                .filter(c -> AccessLogRule.caseVisible(c.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
