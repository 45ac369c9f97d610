package org.confide.records.group.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.group.ExclusionReason;
import org.confide.records.group.GroupKind;
import org.confide.records.group.LeaveReason;
import org.confide.records.group.SessionEndReason;

/**
 * What GroupService answers: groups, members, sessions, departures and exclusions, as ids and codes only (docs/api.md
 * "Groups and network meetings"). The resource serves them as they are; the requests stay in rest.GroupDtos.
 */
public final class GroupResults {

    private GroupResults() {}

    /** R-CONF-4: a member as staff see it: ids and the alias, nothing of any identity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(UUID memberId, UUID clientId, String alias) {}

    public record GroupView(
            UUID id,
            GroupKind kind,
            String name,
            Programme programme,
            List<String> facilitatorIds,
            List<MemberView> members) {}

    /**
     * A session; {@code askedToLeave} (R-SAFE-1) and {@code ended} (R-SAFE-2, null for a session that ran its course)
     * carry codes and member ids only.
     */
    public record SessionView(
            UUID id,
            UUID groupId,
            LocalDate sessionDate,
            List<UUID> attendeeIds,
            int attendeeCount,
            String note,
            String authorId,
            OffsetDateTime createdAt,
            List<AskedToLeave> askedToLeave,
            SessionEnded ended) {}

    /** R-SAFE-1: an attendee asked to leave this session, and why (a code). */
    public record AskedToLeave(UUID memberId, LeaveReason reason) {}

    /** R-SAFE-2: why and when the session was ended early, and the attendees offered support. */
    public record SessionEnded(
            SessionEndReason reason, String endedBy, OffsetDateTime endedAt, List<UUID> supportOfferedTo) {}

    public record DepartureView(
            UUID id,
            UUID groupId,
            UUID sessionId,
            UUID memberId,
            LeaveReason reason,
            String rule,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    /** An exclusion (R-SAFE-2; R-SAFE-1 for repeated behaviour): ids and codes; {@code liftedAt} once a manager lifted it. */
    public record ExclusionView(
            UUID id,
            UUID groupId,
            UUID memberId,
            UUID clientId,
            ExclusionReason reason,
            String rule,
            String decidedBy,
            OffsetDateTime decidedAt,
            String liftedBy,
            OffsetDateTime liftedAt) {}

    /** R-REC-2 / R-CONF-4: one of the caller's own memberships in their file: their attendance, no one else's. */
    public record OwnMembership(
            UUID groupId,
            GroupKind kind,
            String name,
            String alias,
            OffsetDateTime joinedAt,
            OffsetDateTime leftAt,
            List<LocalDate> attendedSessions,
            List<OwnDeparture> askedToLeave,
            OwnExclusion exclusion) {}

    /** R-REC-2 / R-SAFE-1: a session the client was asked to leave, and the reason code recorded. */
    public record OwnDeparture(LocalDate sessionDate, LeaveReason reason) {}

    /** R-REC-2 / R-SAFE-2: the client's exclusion from this group (null when none). */
    public record OwnExclusion(ExclusionReason reason, OffsetDateTime decidedAt, OffsetDateTime liftedAt) {}
}
