package org.confide.records.group.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.confide.records.client.Programme;
import org.confide.records.group.GroupKind;

/** What GroupService is asked to do, apart from the HTTP shapes (GroupResource maps its DTOs to these). */
public final class GroupCommands {

    private GroupCommands() {
    }

    public record CreateGroup(GroupKind kind, String name, Programme programme) {
    }

    /** {@code clientId} or {@code alias} (R-CONF-4), and {@code groundRulesAgreed} (R-CONF-3); MembershipRule checks. */
    public record AddMember(UUID clientId, String alias, Boolean groundRulesAgreed) {
    }

    public record RecordSession(LocalDate sessionDate, List<UUID> attendeeIds, String note) {
    }
}
