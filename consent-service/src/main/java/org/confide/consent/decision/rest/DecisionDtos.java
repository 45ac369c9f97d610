package org.confide.consent.decision.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.confide.consent.decision.Decision;
import org.confide.consent.decision.Reason;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** The JSON shapes of {@code POST /consent-decisions} (docs/api.md consent-service). */
public final class DecisionDtos {

    private DecisionDtos() {}

    /** For one client ({@code clientId}) or a group's or network's matter ({@code groupId}, R-CONF-3): exactly one. */
    public record DecisionRequest(
            @Size(max = 100) String clientId,
            @Size(max = 100) String groupId,
            @NotNull RecipientType recipientType,
            @Size(max = 200) String recipientOrgId,
            @NotNull Category category,
            @NotNull Purpose purpose) {}

    /** {@code consentId}: the consent the reason is about; {@code missingMembers}: group decisions only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionView(Decision decision, UUID consentId, Reason reason, Integer missingMembers) {}
}
