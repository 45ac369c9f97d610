package org.confide.records.group;

/** Why a facilitator ended a whole session early (R-SAFE-2; seeds 000, 001, 002). */
public enum SessionEndReason {
    /** The members' safety was at risk (seed 002 Safety Policy). */
    SAFETY_AT_RISK,
    /** Someone was taken seriously ill in the session (seeds 000, 001: the facilitators call 999). */
    MEDICAL_EMERGENCY
}
