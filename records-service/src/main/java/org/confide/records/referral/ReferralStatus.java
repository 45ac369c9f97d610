package org.confide.records.referral;

/** RECEIVED until the first meeting or allocation (ACCEPTED); CLOSED once contact ceased. */
public enum ReferralStatus {
    RECEIVED,
    ACCEPTED,
    CLOSED
}
