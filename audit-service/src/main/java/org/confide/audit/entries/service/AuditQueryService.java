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
import org.confide.audit.chain.rule.ChainWalk;
import org.confide.audit.chain.rule.EntryHasher;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** Reading and verifying an organisation's chain; read-only transactions. */
@ApplicationScoped
@Transactional
public class AuditQueryService {

    private static final int VERIFY_CHUNK = 1000;

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

    /** Walks the chain from {@code fromSeq} to {@code toSeq} in chunks, recomputing every hash. */
    public ChainWalk.Result verify(String org, long fromSeq, long toSeq) {
        long start = Math.max(1, fromSeq);
        String prev = start == 1 ? EntryHasher.GENESIS : entries.hashAt(org, start - 1);
        if (prev == null) {
            // The entry before the range is missing: the break is there.
            return new ChainWalk.Result(false, 0, start - 1, null, start - 1);
        }
        ChainWalk walk = new ChainWalk(start, prev);
        long next = start;
        while (next <= toSeq) {
            List<AuditEntry> chunk = entries.range(org, next, toSeq, VERIFY_CHUNK);
            for (AuditEntry e : chunk) {
                if (!walk.accept(e.content(parse(e.data)), e.prevHash, e.hash)) {
                    return walk.result();
                }
            }
            if (chunk.size() < VERIFY_CHUNK) break;
            next = chunk.getLast().seq + 1;
            entries.getEntityManager().clear();
        }
        return walk.result();
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
