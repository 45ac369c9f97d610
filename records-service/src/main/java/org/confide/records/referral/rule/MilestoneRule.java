package org.confide.records.referral.rule;

import java.util.Optional;
import org.confide.records.client.ClientStatus;
import org.confide.records.referral.MilestoneType;

/**
 * R-REF-1: the three milestones a referrer is told of, and what each does to the client. Plain Java.
 * A manager records any; the allocated practitioner only the initial meeting (allocation and ending contact are
 * the manager's decisions, docs/domain.md roles).
 */
public final class MilestoneRule {

    public static final String RULE = "R-REF-1";

    public boolean mayRecord(MilestoneType type, boolean manager, boolean allocatedPractitioner) {
        return manager || (allocatedPractitioner && type == MilestoneType.INITIAL_MEETING_HELD);
    }

    /** A missing field, if any: PRACTITIONER_ALLOCATED names the practitioner. */
    public Optional<String> missingField(MilestoneType type, String practitionerId) {
        if (type == MilestoneType.PRACTITIONER_ALLOCATED && (practitionerId == null || practitionerId.isBlank())) {
            return Optional.of("practitionerId");
        }
        return Optional.empty();
    }

    /** Why the milestone cannot follow the client's status, if it cannot. */
    public Optional<String> refusal(ClientStatus status, MilestoneType type) {
        return switch (status) {
            case CONTACT_CEASED -> Optional.of("contact with this client has ceased");
            case DESTROYED -> Optional.of("the client's record was destroyed");
            default -> Optional.empty();
        };
    }

    /** The client's status after the milestone. */
    public ClientStatus next(ClientStatus status, MilestoneType type) {
        if (type == MilestoneType.CONTACT_CEASED) return ClientStatus.CONTACT_CEASED;
        return status == ClientStatus.REFERRED ? ClientStatus.ACTIVE : status;
    }
}
