package org.confide.disclosure.cases;

/** The kinds of step a case records, in order. */
public enum StepKind {
    RAISED,
    CLIENT_INVOLVED,
    CONSULTED,
    DECIDED,
    SHARED,
    CONSENT_RECHECKED,
    FOLLOWED_UP,
    CLOSED
}
