package org.confide.disclosure.cases;

/** How the client responded when involved (R-PROC-1). */
public enum InvolvementResponse {
    AGREED,
    REFUSED,
    UNABLE,
    LEFT_SESSION,
    NOT_INFORMED_RISK
}
