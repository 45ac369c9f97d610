package org.confide.consent.consent.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.Method;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** The JSON shapes of the consents API (docs/api.md consent-service). */
public final class ConsentDtos {

    private ConsentDtos() {}

    public record Recipient(
            @NotNull RecipientType type,
            @Size(max = 200) String name,
            @Size(max = 200) String orgId) {}

    /**
     * {@code POST /consents}; {@code validUntil} is an RFC 3339 time or a date (valid through that day, UTC).
     * {@code explained} is checked by the rule (422 R-CONS-1), so that false and absent answer alike.
     */
    public record NewConsent(
            @NotBlank @Size(max = 100) String clientId,
            @NotNull @Valid Recipient recipient,
            @NotEmpty @Size(max = 8) List<@NotNull Category> categories,
            @NotNull Purpose purpose,
            @NotNull Method method,
            Boolean explained,
            @Size(max = 500) String evidenceRef,
            @Size(max = 40) String validUntil) {}

    /** {@code POST /me/consents}: the client gives consent themselves; the method defaults to ELECTRONIC. */
    public record MyNewConsent(
            @NotNull @Valid Recipient recipient,
            @NotEmpty @Size(max = 8) List<@NotNull Category> categories,
            @NotNull Purpose purpose,
            Method method,
            Boolean explained,
            @Size(max = 500) String evidenceRef,
            @Size(max = 40) String validUntil) {}

    public record Approval(@NotNull Boolean approved) {}

    public record Withdrawal(@Size(max = 2000) String reason) {}

    public record Change(
            ConsentStatus fromStatus,
            ConsentStatus status,
            OffsetDateTime at,
            String actorId,
            String actorRole,
            String reason) {}

    /** {@code competenceAssessmentId}: the competence assessment an under-16's consent rests on (R-CONS-6), else null. */
    public record ConsentView(
            UUID id,
            String org,
            String clientId,
            Recipient recipient,
            List<Category> categories,
            Purpose purpose,
            Method method,
            boolean explained,
            String evidenceRef,
            OffsetDateTime validFrom,
            OffsetDateTime validUntil,
            ConsentStatus status,
            OffsetDateTime createdAt,
            String createdBy,
            String createdByRole,
            List<Change> history,
            UUID competenceAssessmentId) {}
}
