package org.confide.disclosure.cases;

/** Where a disclosure case is (docs/api.md disclosure-service). */
public enum CaseStatus {
    RAISED,
    APPROVED,
    REJECTED,
    DISCLOSED,
    FOLLOWED_UP,
    CLOSED
}
