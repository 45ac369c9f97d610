package org.confide.consent.decision;

/** Why a consent decision came out as it did (docs/api.md consent-service). */
public enum Reason {
    /** An ACTIVE consent within its dates covers the request. */
    CONSENT_ACTIVE,
    /** Nothing covers the request (R-CONF-1: nothing is given without the client's express permission). */
    NO_CONSENT,
    /** The covering consent was withdrawn (R-CONS-4). */
    WITHDRAWN,
    /** The covering consent is past its {@code validUntil} (R-CONS-4). */
    EXPIRED,
    /** The covering consent still waits for a manager's permission (R-CONS-2). */
    PENDING_APPROVAL,
    /** The latest INFORMATION_SHARING assessment says the client lacks capacity (R-CONS-5). */
    CAPACITY_LACKING,
    /** Not every current member of the group or network has an ACTIVE covering consent (R-CONF-3). */
    GROUP_CONSENT_INCOMPLETE,
    /** Logistics of a group or network to its own organisation's staff needs no consent (R-CONF-3). */
    LOGISTICS_EXEMPT
}
