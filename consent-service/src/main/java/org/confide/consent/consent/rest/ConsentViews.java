package org.confide.consent.consent.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.ConsentChange;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.rest.ConsentDtos.Change;
import org.confide.consent.consent.rest.ConsentDtos.ConsentView;
import org.confide.consent.consent.rest.ConsentDtos.Recipient;
import org.confide.consent.consent.service.ConsentService;
import org.confide.platform.auth.Roles;
import org.confide.platform.crypto.ClientText;
import org.confide.platform.paging.Page;
import org.confide.platform.paging.PageRequest;

/** Consents as the API shows them: effective status (R-CONS-4) and the whole history. */
@ApplicationScoped
public class ConsentViews {

    @Inject
    ConsentService service;

    @Inject
    ClientText text;

    @Inject
    Clock clock;

    public ConsentView one(Consent c) {
        return view(c, service.historyOf(List.of(c.id)).getOrDefault(c.id, List.of()), clock.instant());
    }

    public Page<ConsentView> page(List<Consent> found, PageRequest page) {
        Map<UUID, List<ConsentChange>> history =
                service.historyOf(found.stream().map(c -> c.id).toList());
        Instant now = clock.instant();
        String next = found.size() == page.limit()
                ? PageRequest.encode(found.getLast().id.toString())
                : null;
        return new Page<>(
                found.stream()
                        .map(c -> view(c, history.getOrDefault(c.id, List.of()), now))
                        .toList(),
                next);
    }

    /** The receipt of a consent (ISO/IEC TS 27560 shape); its id changes only when the consent's state does. */
    public ReceiptDtos.Receipt receipt(Consent c) {
        List<ConsentChange> history = service.historyOf(List.of(c.id)).getOrDefault(c.id, List.of());
        Instant now = clock.instant();
        ConsentStatus status = ConsentService.effective(c, now);
        List<ReceiptDtos.Event> events = new ArrayList<>(history.stream()
                .map(h -> new ReceiptDtos.Event(h.at, eventType(h), h.status, h.actorRole))
                .toList());
        if (status == ConsentStatus.EXPIRED && c.status != ConsentStatus.EXPIRED) {
            // Past validUntil but not yet swept: expired all the same (R-CONS-4).
            events.add(new ReceiptDtos.Event(c.validUntil, "EXPIRED", ConsentStatus.EXPIRED, Roles.SERVICE));
        }
        String version = c.id + "/" + events.size();
        return new ReceiptDtos.Receipt(
                ReceiptDtos.SCHEMA,
                c.id,
                UUID.nameUUIDFromBytes(version.getBytes(StandardCharsets.UTF_8)),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                c.clientId,
                List.of(new ReceiptDtos.Controller(c.org)),
                new ReceiptDtos.Notice(c.explained, evidenceRef(c)),
                List.of(new ReceiptDtos.Processing(
                        List.of(c.purpose), List.copyOf(c.categorySet()), List.of(recipient(c)), "CONSENT")),
                "EXPLICIT",
                c.method,
                c.validFrom,
                c.validUntil,
                status,
                events);
    }

    private static String eventType(ConsentChange h) {
        if (h.fromStatus == null) return "GIVEN";
        return switch (h.status) {
            case ACTIVE -> "APPROVED";
            case REFUSED -> "REFUSED";
            case WITHDRAWN -> "WITHDRAWN";
            case EXPIRED -> "EXPIRED";
            case PENDING_APPROVAL -> "GIVEN";
        };
    }

    private ConsentView view(Consent c, List<ConsentChange> history, Instant now) {
        return new ConsentView(
                c.id,
                c.org,
                c.clientId,
                recipient(c),
                List.copyOf(c.categorySet()),
                c.purpose,
                c.method,
                c.explained,
                evidenceRef(c),
                c.validFrom,
                c.validUntil,
                ConsentService.effective(c, now),
                c.createdAt,
                c.createdBy,
                c.createdByRole,
                history.stream()
                        .map(h -> new Change(
                                h.fromStatus,
                                h.status,
                                h.at,
                                h.actorId,
                                h.actorRole,
                                text.open(c.clientId, "consent.reason", h.reason)))
                        .toList(),
                c.competenceAssessmentId);
    }

    // The free text is opened with the client's key: null once the client is destroyed (R-REC-3).
    private Recipient recipient(Consent c) {
        return new Recipient(
                c.recipientType, text.open(c.clientId, "consent.recipientName", c.recipientName), c.recipientOrgId);
    }

    private String evidenceRef(Consent c) {
        return text.open(c.clientId, "consent.evidenceRef", c.evidenceRef);
    }
}
