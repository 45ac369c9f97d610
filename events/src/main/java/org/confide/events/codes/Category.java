package org.confide.events.codes;

/** What kind of information a consent covers (docs/api.md consent-service, {@code categories}). */
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
