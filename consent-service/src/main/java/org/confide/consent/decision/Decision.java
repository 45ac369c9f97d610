package org.confide.consent.decision;

/** The answer of {@code POST /consent-decisions}. */
public enum Decision {
    PERMIT,
    DENY
}
