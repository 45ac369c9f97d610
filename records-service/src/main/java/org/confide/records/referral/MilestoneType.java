package org.confide.records.referral;

/** The three things a referrer is told (R-REF-1). */
public enum MilestoneType {
    INITIAL_MEETING_HELD,
    PRACTITIONER_ALLOCATED,
    CONTACT_CEASED
}
