package org.confide.disclosure.partner;

/** R-REF-2: the major decisions, besides a disclosure, that need every supporting organisation's support (seed 002). */
public enum PartnerDecisionKind {
    PRESS_RELEASE,
    INVITE_SUPPORTING_ORG,
    OTHER
}
