package org.confide.records.group.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.group.ExclusionReason;
import org.confide.records.group.GroupKind;
import org.confide.records.group.LeaveReason;
import org.confide.records.group.SessionEndReason;

/** What GroupService is asked to do, apart from the HTTP shapes (GroupResource maps its DTOs to these). */
public final class GroupCommands {

    private GroupCommands() {}

    public record CreateGroup(GroupKind kind, String name, Programme programme) {}

    /** {@code clientId} or {@code alias} (R-CONF-4), and {@code groundRulesAgreed} (R-CONF-3); MembershipRule checks. */
    public record AddMember(UUID clientId, String alias, Boolean groundRulesAgreed) {}

    public record RecordSession(LocalDate sessionDate, List<UUID> attendeeIds, String note) {}

    /** R-SAFE-1: a member who attended was asked to leave the session, for a reason code. */
    public record AskToLeave(UUID memberId, LeaveReason reason) {}

    /** R-SAFE-2: the whole session was ended early; support was offered to these attendees (member ids). */
    public record EndSession(SessionEndReason reason, List<UUID> supportOfferedTo) {}

    /** R-SAFE-2 / R-SAFE-1: the member is excluded from the group. */
    public record Exclude(UUID memberId, ExclusionReason reason) {}
}
