package org.confide.audit.entries.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.confide.audit.chain.AuditEntry;
import org.confide.audit.chain.repository.AuditEntryRepository;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** Reading and verifying an organisation's chain; read-only transactions. */
@ApplicationScoped
@Transactional
public class AuditQueryService {

    @Inject
    AuditEntryRepository entries;

    @Inject
    ObjectMapper mapper;

    public Page<JsonNode> page(String org, AuditEntryRepository.Filter filter, PageRequest page) {
        List<AuditEntry> found = entries.page(org, filter, page.afterLong(0), page.limit());
        String next = found.size() == page.limit() ? PageRequest.encode(Long.toString(found.getLast().seq)) : null;
        return new Page<>(found.stream().map(this::view).toList(), next);
    }

    /** Every entry of one correlation id (a disclosure's whole story), in chain order. */
    public List<JsonNode> trail(String org, String correlationId) {
        var filter = new AuditEntryRepository.Filter(null, null, null, correlationId, null, null);
        return entries.page(org, filter, 0, 10_000).stream().map(this::view).toList();
    }

    /** The entry as served: its hashed content plus prevHash and hash. */
    public JsonNode view(AuditEntry e) {
        ObjectNode o = e.content(parse(e.data)).toJson();
        o.put("prevHash", e.prevHash);
        o.put("hash", e.hash);
        return o;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException ex) {
            // Unparseable stored data cannot hash to the stored hash: verification reports it as broken.
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
