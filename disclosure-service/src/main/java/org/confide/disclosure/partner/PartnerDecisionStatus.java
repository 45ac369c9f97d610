package org.confide.disclosure.partner;

/** PROPOSED until a manager makes it take effect, which R-REF-2 allows only once every required organisation supports it. */
public enum PartnerDecisionStatus {
    PROPOSED,
    IN_EFFECT
}
