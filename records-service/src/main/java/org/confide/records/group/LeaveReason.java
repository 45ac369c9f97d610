package org.confide.records.group;

/** Why a member was asked to leave a session (R-SAFE-1; seed 002 Behaviour Policy 1.2, 1.3). */
public enum LeaveReason {
    /** Under the influence of alcohol or drugs, including some prescribed medication (1.2). */
    UNDER_INFLUENCE,
    /** In extreme distress (1.2). */
    DISTRESS,
    /** Anger or threats towards members (1.3). */
    ANGER_OR_THREATS,
    /** Violence towards members (1.3). */
    VIOLENCE
}
