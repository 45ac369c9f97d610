package org.confide.records.group.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.confide.records.group.ExclusionReason;
import org.confide.records.group.SessionEndReason;

/**
 * R-SAFE-2 (seed 002 Safety Policy): members may exclude a person when the group's safety is breached, and an excluded
 * person is not added to the group or its sessions again until a manager lifts the exclusion; a facilitator may end a
 * whole session when members' safety is at risk, and support is then offered to the individuals affected. Plain Java.
 */
public final class SafetyRule {

    public static final String RULE = "R-SAFE-2";

    private final BehaviourRule behaviour = new BehaviourRule();

    /** The rule an exclusion for this reason rests on: the members' decision R-SAFE-2, repeated behaviour R-SAFE-1. */
    public static String ruleOf(ExclusionReason reason) {
        return reason == ExclusionReason.REPEATED_BEHAVIOUR ? BehaviourRule.RULE : RULE;
    }

    /** Why excluding this member is refused, if it is. */
    public Optional<SafetyRefusal> exclusionRefusal(
            ExclusionReason reason, boolean alreadyExcluded, long timesAskedToLeave) {
        if (reason == null) {
            return Optional.of(SafetyRefusal.field(
                    RULE,
                    "reason",
                    "give the reason code: MEMBERS_DECISION (R-SAFE-2) or" + " REPEATED_BEHAVIOUR (R-SAFE-1)"));
        }
        if (alreadyExcluded) {
            return Optional.of(SafetyRefusal.state(RULE, "memberId", "the member is already excluded from this group"));
        }
        if (reason == ExclusionReason.REPEATED_BEHAVIOUR) return behaviour.repeatedBehaviourRefusal(timesAskedToLeave);
        return Optional.empty();
    }

    /** An excluded client is not added to the group again (409: the exclusion, a state of the group, refuses it). */
    public Optional<SafetyRefusal> joinRefusal(boolean excluded) {
        if (!excluded) return Optional.empty();
        return Optional.of(SafetyRefusal.state(
                RULE,
                "clientId",
                "the client is excluded from this group; a manager must"
                        + " lift the exclusion before they can be added again"));
    }

    /** The attendees who are excluded from the group, in the order given; empty when none is. */
    public List<Object> excludedAttendees(Collection<?> attendees, Set<?> excludedMembers) {
        List<Object> out = new ArrayList<>();
        for (Object a : attendees) {
            if (excludedMembers.contains(a)) out.add(a);
        }
        return out;
    }

    /** Why ending this session is refused, if it is: support is offered to the affected attendees, by their member ids. */
    public Optional<SafetyRefusal> endRefusal(
            SessionEndReason reason, boolean alreadyEnded, Collection<?> supportOfferedTo, Set<?> attendees) {
        if (reason == null) {
            return Optional.of(
                    SafetyRefusal.field(RULE, "reason", "give the reason code: SAFETY_AT_RISK or MEDICAL_EMERGENCY"));
        }
        if (alreadyEnded) {
            return Optional.of(SafetyRefusal.state(RULE, "sessionId", "this session was already ended"));
        }
        if (supportOfferedTo == null || supportOfferedTo.isEmpty()) {
            return Optional.of(SafetyRefusal.field(
                    RULE,
                    "supportOfferedTo",
                    "support is offered to the individuals"
                            + " affected when a session is ended: name them by member id"));
        }
        List<Object> strangers = new ArrayList<>();
        for (Object m : supportOfferedTo) {
            if (!attendees.contains(m)) strangers.add(m);
        }
        if (!strangers.isEmpty()) {
            return Optional.of(SafetyRefusal.field(
                    RULE,
                    "supportOfferedTo",
                    "only attendees of the session are offered" + " support for it; not attendees: " + strangers));
        }
        return Optional.empty();
    }
}
