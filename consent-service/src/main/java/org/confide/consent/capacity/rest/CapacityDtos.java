package org.confide.consent.capacity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.consent.capacity.Matter;

/** The JSON shapes of capacity assessments (docs/api.md consent-service, R-CONS-5). */
public final class CapacityDtos {

    private CapacityDtos() {
    }

    public record NewAssessment(
            @NotBlank @Size(max = 100) String clientId,
            @NotNull Matter matter,
            @NotNull Boolean hasCapacity,
            @NotBlank @Size(max = 4000) String reasons) {
    }

    public record AssessmentView(UUID id, String clientId, Matter matter, boolean hasCapacity, String reasons,
                                 OffsetDateTime assessedAt, String assessedBy, String assessedByRole) {
    }
}
