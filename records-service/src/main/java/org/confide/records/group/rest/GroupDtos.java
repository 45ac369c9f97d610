package org.confide.records.group.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.group.GroupKind;

/** The JSON shapes of the groups API (docs/api.md "Groups and network meetings"). */
public final class GroupDtos {

    private GroupDtos() {
    }

    public record NewGroup(@NotNull GroupKind kind, @NotBlank @Size(max = 200) String name, @NotNull Programme programme) {
    }

    public record NewFacilitator(@NotBlank @Size(max = 200) String practitionerId) {
    }

    /** {@code clientId} or {@code alias} (R-CONF-4), and {@code groundRulesAgreed} (R-CONF-3); MembershipRule checks. */
    public record NewMember(UUID clientId, String alias, Boolean groundRulesAgreed) {
    }

    public record NewSession(@NotNull LocalDate sessionDate,
                             @NotEmpty @Size(max = 500) List<@NotNull UUID> attendeeIds,
                             @Size(max = 50_000) String note) {
    }

    /** R-CONF-4: a member as staff see it: ids and the alias, nothing of any identity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(UUID memberId, UUID clientId, String alias) {
    }

    public record GroupView(UUID id, GroupKind kind, String name, Programme programme, List<String> facilitatorIds,
                            List<MemberView> members) {
    }

    public record SessionView(UUID id, UUID groupId, LocalDate sessionDate, List<UUID> attendeeIds, int attendeeCount,
                              String note, String authorId, OffsetDateTime createdAt) {
    }

    /** R-REC-2 / R-CONF-4: one of the caller's own memberships in their file: their attendance, no one else's. */
    public record OwnMembership(UUID groupId, GroupKind kind, String name, String alias, OffsetDateTime joinedAt,
                                OffsetDateTime leftAt, List<LocalDate> attendedSessions) {
    }
}
