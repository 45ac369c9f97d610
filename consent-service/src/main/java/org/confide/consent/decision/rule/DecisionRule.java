package org.confide.consent.decision.rule;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.decision.Decision;
import org.confide.consent.decision.Reason;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/**
 * Whether a client's consents permit giving a category of information, for a purpose, to a recipient
 * (R-CONF-1: nothing without the client's express permission).
 *
 * <p>A consent <em>covers</em> a request when its recipient type matches, its recipient organisation (if it names
 * one) is the requested one, the category is one of its categories, and the purpose matches. Precedence, first wins:
 * <ol>
 *   <li>{@code CAPACITY_LACKING}: the latest INFORMATION_SHARING assessment says the client lacks capacity; no
 *       consent counts then (R-CONS-5).</li>
 *   <li>{@code CONSENT_ACTIVE} (PERMIT): a covering consent is ACTIVE and within its dates.</li>
 *   <li>{@code PENDING_APPROVAL}: a covering consent waits for a manager (R-CONS-2).</li>
 *   <li>{@code WITHDRAWN}: a covering consent was withdrawn (R-CONS-4).</li>
 *   <li>{@code EXPIRED}: a covering consent is past {@code validUntil}, whether or not the sweep marked it (R-CONS-4).</li>
 *   <li>{@code NO_CONSENT}: nothing covers the request (a REFUSED consent counts as none).</li>
 * </ol>
 */
public final class DecisionRule {

    /** What is asked: may {@code category} go to {@code recipientType} (at {@code recipientOrgId}) for {@code purpose}. */
    public record Request(RecipientType recipientType, String recipientOrgId, Category category, Purpose purpose) {}

    /** One of the client's consents, as the decision needs it. {@code validUntil} null: no end date. */
    public record Candidate(
            UUID consentId,
            RecipientType recipientType,
            String recipientOrgId,
            Set<Category> categories,
            Purpose purpose,
            ConsentStatus status,
            Instant validFrom,
            Instant validUntil) {}

    public record Outcome(Decision decision, Reason reason, UUID consentId) {

        public boolean permits() {
            return decision == Decision.PERMIT;
        }
    }

    /** Reasons to DENY for a covering consent that does not permit, most telling first. */
    private static final List<ConsentStatus> DENY_ORDER =
            List.of(ConsentStatus.PENDING_APPROVAL, ConsentStatus.WITHDRAWN, ConsentStatus.EXPIRED);

    public Outcome decide(Request request, List<Candidate> consents, boolean lacksCapacity, Instant now) {
        if (lacksCapacity) {
            return new Outcome(Decision.DENY, Reason.CAPACITY_LACKING, null);
        }
        List<Candidate> covering =
                consents.stream().filter(c -> covers(c, request)).toList();
        Optional<Candidate> active = covering.stream()
                .filter(c -> effectiveStatus(c.status(), c.validUntil(), now) == ConsentStatus.ACTIVE)
                .filter(c -> c.validFrom() == null || !now.isBefore(c.validFrom()))
                .findFirst();
        if (active.isPresent()) {
            return new Outcome(
                    Decision.PERMIT, Reason.CONSENT_ACTIVE, active.get().consentId());
        }
        return covering.stream()
                .filter(c -> DENY_ORDER.contains(effectiveStatus(c.status(), c.validUntil(), now)))
                .min(Comparator.comparingInt(c -> DENY_ORDER.indexOf(effectiveStatus(c.status(), c.validUntil(), now))))
                .map(c -> new Outcome(
                        Decision.DENY, reasonFor(effectiveStatus(c.status(), c.validUntil(), now)), c.consentId()))
                .orElse(new Outcome(Decision.DENY, Reason.NO_CONSENT, null));
    }

    /** Recipient type, organisation (when the consent names one), category and purpose all match. */
    public static boolean covers(Candidate c, Request r) {
        return c.recipientType() == r.recipientType()
                && (c.recipientOrgId() == null || c.recipientOrgId().equals(r.recipientOrgId()))
                && c.categories().contains(r.category())
                && c.purpose() == r.purpose();
    }

    /** An ACTIVE consent past {@code validUntil} is EXPIRED at once, whether or not the sweep has marked it (R-CONS-4). */
    public static ConsentStatus effectiveStatus(ConsentStatus stored, Instant validUntil, Instant now) {
        if (stored == ConsentStatus.ACTIVE && validUntil != null && !now.isBefore(validUntil)) {
            return ConsentStatus.EXPIRED;
        }
        return stored;
    }

    private static Reason reasonFor(ConsentStatus status) {
        return switch (status) {
            case PENDING_APPROVAL -> Reason.PENDING_APPROVAL;
            case WITHDRAWN -> Reason.WITHDRAWN;
            case EXPIRED -> Reason.EXPIRED;
            default -> Reason.NO_CONSENT;
        };
    }
}
