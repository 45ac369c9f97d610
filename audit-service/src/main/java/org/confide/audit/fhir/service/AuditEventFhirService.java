package org.confide.audit.fhir.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.confide.audit.chain.AuditEntry;
import org.confide.audit.chain.repository.AuditEntryRepository;
import org.confide.audit.chain.rule.CanonicalJson;
import org.confide.audit.chain.rule.EntryContent;
import org.confide.audit.fhir.rule.AuditEventFhirRule;
import org.confide.audit.fhir.rule.FhirAuditEvent;
import org.confide.platform.auth.Caller;
import org.confide.platform.problem.ProblemException;

/**
 * The FHIR R4 view of the caller's organisation's audit log (docs/api.md "FHIR R4"), read-only, as
 * {@code GET /audit/entries}: by client ({@code entity}) and correlation id ({@code _tag}), oldest first.
 */
@ApplicationScoped
@Transactional
public class AuditEventFhirService {

    private final AuditEventFhirRule rule = new AuditEventFhirRule();

    @Inject
    AuditEntryRepository entries;

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    /** A page, whether more follow, and the total when it is cheap (filtered by an indexed client or correlation id). */
    public record Found(List<FhirAuditEvent> page, boolean more, Long total) {}

    public Found search(String clientId, String correlationId, long afterSeq, int limit) {
        var filter = new AuditEntryRepository.Filter(clientId, null, null, correlationId, null, null);
        List<AuditEntry> found = entries.page(caller.org(), filter, afterSeq, limit + 1);
        boolean more = found.size() > limit;
        List<AuditEntry> page = more ? found.subList(0, limit) : found;
        Long total = clientId == null && correlationId == null
                ? null
                : entries.countFor(caller.org(), clientId, correlationId);
        return new Found(page.stream().map(this::fhir).toList(), more, total);
    }

    public FhirAuditEvent read(long seq) {
        return fhir(entries.findInOrg(caller.org(), seq).orElseThrow(() -> ProblemException.notFound("AuditEvent")));
    }

    private FhirAuditEvent fhir(AuditEntry e) {
        JsonNode data = parse(e.data);
        EntryContent content = e.content(data);
        Map<String, String> fields = new LinkedHashMap<>();
        if (data != null && data.isObject()) {
            data.properties().forEach(f -> {
                JsonNode v = f.getValue();
                if (!v.isNull()) fields.put(f.getKey(), v.isValueNode() ? v.asText() : v.toString());
            });
        }
        return rule.toFhir(new AuditEventFhirRule.Facts(
                e.seq,
                e.eventId,
                e.type,
                content.occurredAt(),
                content.recordedAt(),
                e.org,
                e.actorId,
                e.actorRole,
                e.clientId,
                e.correlationId,
                e.source,
                fields,
                e.prevHash,
                e.hash,
                CanonicalJson.of(content.toJson())));
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException ex) {
            // As GET /audit/entries serves it: unparseable stored data cannot hash to the stored hash.
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
