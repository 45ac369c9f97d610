package org.confide.records.group.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.group.ExclusionReason;
import org.confide.records.group.GroupKind;
import org.confide.records.group.LeaveReason;
import org.confide.records.group.SessionEndReason;

/** The JSON shapes of the groups API (docs/api.md "Groups and network meetings"). */
public final class GroupDtos {

    private GroupDtos() {}

    public record NewGroup(
            @NotNull GroupKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotNull Programme programme) {}

    public record NewFacilitator(@NotBlank @Size(max = 200) String practitionerId) {}

    /** {@code clientId} or {@code alias} (R-CONF-4), and {@code groundRulesAgreed} (R-CONF-3); MembershipRule checks. */
    public record NewMember(UUID clientId, String alias, Boolean groundRulesAgreed) {}

    public record NewSession(
            @NotNull LocalDate sessionDate,
            @NotEmpty @Size(max = 500) List<@NotNull UUID> attendeeIds,
            @Size(max = 50_000) String note) {}

    /** R-SAFE-1: {@code reason} a code; MembershipRule's sibling BehaviourRule names a missing one. */
    public record NewDeparture(@NotNull UUID memberId, LeaveReason reason) {}

    /** R-SAFE-2: {@code supportOfferedTo} the affected attendees by member id (SafetyRule names a missing one). */
    public record EndSession(
            SessionEndReason reason, @Size(max = 500) List<@NotNull UUID> supportOfferedTo) {}

    public record NewExclusion(@NotNull UUID memberId, ExclusionReason reason) {}
}
