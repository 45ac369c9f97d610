package org.confide.consent.fhir.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.service.ClientGuard;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentChange;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.repository.ConsentRepository;
import org.confide.consent.consent.service.ConsentService;
import org.confide.consent.fhir.rule.ConsentFhirRule;
import org.confide.consent.fhir.rule.FhirConsent;
import org.confide.platform.auth.Caller;
import org.confide.platform.auth.Roles;

/**
 * The FHIR R4 view of consents (docs/api.md "FHIR R4"): the same access as {@code GET /consents} and
 * {@code GET /consents/{id}}, read-only. A search for a client this service does not know in the caller's organisation
 * matches nothing (FHIR: an empty searchset), so another organisation's client is not revealed.
 */
@ApplicationScoped
@Transactional
public class ConsentFhirService {

    private final ConsentFhirRule rule = new ConsentFhirRule();

    @Inject
    ConsentService consentService;

    @Inject
    ConsentRepository consents;

    @Inject
    AllocationRepository allocations;

    @Inject
    ClientGuard guard;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** One page of matches and, for the first page and later ones alike, how many match in all. */
    public record Found(List<FhirConsent> page, boolean more, long total) {}

    public Found search(String clientId, UUID after, int limit) {
        String practitioner = null;
        if (clientId != null) {
            if (allocations.inOrg(caller.org(), clientId).isEmpty()) return new Found(List.of(), false, 0);
            guard.require(clientId);
        } else if (!caller.is(Roles.MANAGER)) {
            practitioner = caller.subject();
        }
        List<Consent> found = consents.page(caller.org(), clientId, practitioner, null, after, limit + 1);
        boolean more = found.size() > limit;
        List<Consent> page = more ? found.subList(0, limit) : found;
        long total = consents.countFor(caller.org(), clientId, practitioner);
        return new Found(fhir(page), more, total);
    }

    public FhirConsent read(UUID id) {
        return fhir(List.of(consentService.read(id))).getFirst();
    }

    private List<FhirConsent> fhir(List<Consent> page) {
        Map<UUID, List<ConsentChange>> history =
                consents.historyOf(page.stream().map(c -> c.id).toList());
        Instant now = clock.instant();
        List<FhirConsent> out = new ArrayList<>(page.size());
        for (Consent c : page) {
            Instant withdrawnAt = history.getOrDefault(c.id, List.of()).stream()
                    .filter(h -> h.status == ConsentStatus.WITHDRAWN)
                    .map(h -> h.at.toInstant())
                    .reduce((a, b) -> b)
                    .orElse(null);
            out.add(rule.toFhir(new ConsentFhirRule.Facts(
                    c.id.toString(),
                    c.org,
                    c.clientId,
                    c.recipientType,
                    c.recipientOrgId,
                    List.copyOf(c.categorySet()),
                    c.purpose,
                    ConsentService.effective(c, now),
                    instant(c.validFrom),
                    instant(c.validUntil),
                    withdrawnAt,
                    instant(c.createdAt),
                    instant(c.updatedAt))));
        }
        return out;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
