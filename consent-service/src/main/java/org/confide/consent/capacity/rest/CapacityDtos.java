package org.confide.consent.capacity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.consent.capacity.AssessmentKind;
import org.confide.consent.capacity.Matter;

/** The JSON shapes of capacity assessments (docs/api.md consent-service, R-CONS-5, R-CONS-6). */
public final class CapacityDtos {

    private CapacityDtos() {}

    /**
     * {@code POST /capacity-assessments}. {@code kind} defaults to CAPACITY; COMPETENCE is the Gillick assessment of a
     * client under 16 (R-CONS-6). With {@code hasCapacity} false, {@code explanationToPerson} and
     * {@code hasSignificantOther} are required, and {@code explanationToSignificantOther} when that is true (422 R-CONS-6).
     */
    public record NewAssessment(
            @NotBlank @Size(max = 100) String clientId,
            @NotNull Matter matter,
            @NotNull Boolean hasCapacity,
            @NotBlank @Size(max = 4000) String reasons,
            AssessmentKind kind,
            @Size(max = 4000) String explanationToPerson,
            Boolean hasSignificantOther,
            @Size(max = 4000) String explanationToSignificantOther) {}

    /** The explanations (free text, null once the client is destroyed) are present when capacity was found lacking. */
    public record AssessmentView(
            UUID id,
            String clientId,
            Matter matter,
            boolean hasCapacity,
            String reasons,
            OffsetDateTime assessedAt,
            String assessedBy,
            String assessedByRole,
            AssessmentKind kind,
            String explanationToPerson,
            Boolean hasSignificantOther,
            String explanationToSignificantOther) {}

    /**
     * {@code GET /me/capacity-assessments}: what the client sees of an assessment about them, its existence and outcome
     * (R-REC-2, R-CONS-6): never the assessor's reasons or who assessed, only the role.
     */
    public record MyAssessmentView(
            UUID id,
            Matter matter,
            AssessmentKind kind,
            boolean hasCapacity,
            OffsetDateTime assessedAt,
            String assessedByRole,
            Boolean explainedToPerson,
            Boolean hasSignificantOther) {}
}
