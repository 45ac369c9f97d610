package org.confide.consent.consent.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentChange;
import org.confide.consent.consent.rest.ConsentDtos.Change;
import org.confide.consent.consent.rest.ConsentDtos.ConsentView;
import org.confide.consent.consent.rest.ConsentDtos.Recipient;
import org.confide.consent.consent.service.ConsentService;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** Consents as the API shows them: effective status (R-CONS-4) and the whole history. */
@ApplicationScoped
public class ConsentViews {

    @Inject
    ConsentService service;

    public ConsentView one(Consent c) {
        return view(c, service.historyOf(List.of(c.id)).getOrDefault(c.id, List.of()), Instant.now());
    }

    public Page<ConsentView> page(List<Consent> found, PageRequest page) {
        Map<UUID, List<ConsentChange>> history = service.historyOf(found.stream().map(c -> c.id).toList());
        Instant now = Instant.now();
        String next = found.size() == page.limit() ? PageRequest.encode(found.getLast().id.toString()) : null;
        return new Page<>(found.stream().map(c -> view(c, history.getOrDefault(c.id, List.of()), now)).toList(), next);
    }

    private static ConsentView view(Consent c, List<ConsentChange> history, Instant now) {
        return new ConsentView(c.id, c.org, c.clientId, new Recipient(c.recipientType, c.recipientName, c.recipientOrgId),
                List.copyOf(c.categorySet()), c.purpose, c.method, c.explained, c.evidenceRef, c.validFrom, c.validUntil,
                ConsentService.effective(c, now), c.createdAt, c.createdBy, c.createdByRole,
                history.stream().map(h -> new Change(h.fromStatus, h.status, h.at, h.actorId, h.actorRole, h.reason)).toList());
    }
}
