package org.confide.records.group;

/** Why a client was excluded from a group. */
public enum ExclusionReason {
    /** The members decided the group's safety was being breached (R-SAFE-2; seed 002 Safety Policy). */
    MEMBERS_DECISION,
    /** Behaviour that keeps causing problems: asked to leave sessions more than once (R-SAFE-1; seed 002 1.3). */
    REPEATED_BEHAVIOUR
}
