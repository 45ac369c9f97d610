package org.confide.records.client;

/** Why client data is read ({@code X-Purpose-Of-Use}); recorded in the access event. */
public enum PurposeOfUse {
    CARE,
    SUPERVISION,
    SAFEGUARDING,
    LEGAL,
    CLIENT_REQUEST
}
