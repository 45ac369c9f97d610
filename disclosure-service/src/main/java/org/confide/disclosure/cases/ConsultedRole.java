package org.confide.disclosure.cases;

/** Whom the decision was discussed with (R-PROC-2, R-REF-2). */
public enum ConsultedRole {
    MANAGER,
    PROFESSIONAL,
    PARTNER_REPRESENTATIVE
}
