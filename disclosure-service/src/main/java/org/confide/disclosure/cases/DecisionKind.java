package org.confide.disclosure.cases;

/** A manager's decision on a case (R-PROC-2). */
public enum DecisionKind {
    APPROVED,
    REJECTED
}
