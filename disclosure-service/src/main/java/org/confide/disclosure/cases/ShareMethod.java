package org.confide.disclosure.cases;

/** How information went to its recipient (R-PROC-3: securely). */
public enum ShareMethod {
    PHONE, EMAIL, LETTER, IN_PERSON, SECURE_PORTAL
}
