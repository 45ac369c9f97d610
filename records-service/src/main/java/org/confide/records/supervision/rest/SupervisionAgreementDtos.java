package org.confide.records.supervision.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.confide.records.supervision.SupervisionAgreement;
import org.confide.records.supervision.service.AssignSupervisor;

/** The JSON shapes of supervision agreements and of the client's supervision notice (R-CONF-5). */
public final class SupervisionAgreementDtos {

    private SupervisionAgreementDtos() {}

    private static final String ID = "[^\\p{Cntrl}]*";

    public record NewAgreement(
            @NotBlank @Size(max = 200) @Pattern(regexp = ID, message = "may hold no control characters")
            String supervisorId,

            @NotBlank @Size(max = 200) @Pattern(regexp = ID, message = "may hold no control characters")
            String practitionerId) {

        public AssignSupervisor toCommand() {
            return new AssignSupervisor(supervisorId.strip(), practitionerId.strip());
        }
    }

    public record AgreementView(
            UUID id,
            String supervisorId,
            String practitionerId,
            String assignedBy,
            OffsetDateTime startedAt,
            String endedBy,
            OffsetDateTime endedAt) {

        public static AgreementView of(SupervisionAgreement a) {
            return new AgreementView(
                    a.id, a.supervisorId, a.practitionerId, a.assignedBy, a.startedAt, a.endedBy, a.endedAt);
        }
    }

    public record Notice(@NotNull Boolean explained) {}
}
