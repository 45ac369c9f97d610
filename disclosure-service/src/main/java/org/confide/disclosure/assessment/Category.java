package org.confide.disclosure.assessment;

/** Kinds of information (docs/api.md consent-service `categories`). */
public enum Category {
    ATTENDANCE,
    CONTACT_DETAILS,
    IDENTITY,
    CASE_NOTES,
    RISK_INFORMATION,
    ASSESSMENT,
    RECORDINGS,
    LOGISTICS
}
