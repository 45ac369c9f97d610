package org.confide.consent.consent;

/** Where a consent stands (docs/api.md consent-service). */
public enum ConsentStatus {
    /** Given for a purpose that needs a manager's express permission first (R-CONS-2). */
    PENDING_APPROVAL,
    ACTIVE,
    /** A manager did not give the permission R-CONS-2 asks for. */
    REFUSED,
    /** The client took it back (R-CONS-4). */
    WITHDRAWN,
    /** Its {@code validUntil} has passed (R-CONS-4: consent may be time-limited). */
    EXPIRED
}
