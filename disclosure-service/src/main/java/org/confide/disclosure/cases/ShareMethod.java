package org.confide.disclosure.cases;

/**
 * The channel information went to its recipient by (R-PROC-3: securely). Issue 18 added SECURE_EMAIL (encrypted email,
 * e.g. between secure domains) and FAX; plain EMAIL and FAX are not secure and are refused (ChannelRule).
 */
public enum ShareMethod {
    PHONE,
    EMAIL,
    LETTER,
    IN_PERSON,
    SECURE_PORTAL,
    SECURE_EMAIL,
    FAX
}
