package org.confide.records.group.rule;

import java.util.Optional;
import org.confide.records.group.LeaveReason;

/**
 * R-SAFE-1 (seed 002 Behaviour Policy 1.2, 1.3): no one attends under the influence or in extreme distress; anger,
 * violence or threats lead to being asked to leave the session; behaviour that keeps causing problems leads to
 * exclusion. Each is recorded with a reason code, never with what was said. Plain Java.
 */
public final class BehaviourRule {

    public static final String RULE = "R-SAFE-1";
    /** "Keeps causing problems": asked to leave at least this many sessions of the group before an exclusion for it. */
    public static final int REPEATED = 2;

    /** Why recording that this member was asked to leave this session is refused, if it is. */
    public Optional<SafetyRefusal> askedToLeaveRefusal(LeaveReason reason, boolean attended, boolean alreadyRecorded) {
        if (reason == null) {
            return Optional.of(SafetyRefusal.field(
                    RULE,
                    "reason",
                    "give the reason code (UNDER_INFLUENCE, DISTRESS,"
                            + " ANGER_OR_THREATS, VIOLENCE); what was said is never recorded"));
        }
        if (!attended) {
            return Optional.of(SafetyRefusal.field(
                    RULE,
                    "memberId",
                    "only a member who attended the session can be asked"
                            + " to leave it: record the member's attendance first"));
        }
        if (alreadyRecorded) {
            return Optional.of(SafetyRefusal.state(
                    RULE, "memberId", "this member was already recorded as asked to leave" + " this session"));
        }
        return Optional.empty();
    }

    /** An exclusion for repeated behaviour needs the member to have been asked to leave {@link #REPEATED} sessions. */
    public Optional<SafetyRefusal> repeatedBehaviourRefusal(long timesAskedToLeave) {
        if (timesAskedToLeave >= REPEATED) return Optional.empty();
        return Optional.of(SafetyRefusal.field(
                RULE,
                "reason",
                "REPEATED_BEHAVIOUR needs the member to have been asked" + " to leave at least " + REPEATED
                        + " sessions of this group (recorded: " + timesAskedToLeave + ")"));
    }
}
