package org.confide.events.codes;

/** Who information may go to (docs/api.md consent-service, {@code recipient.type}). */
public enum RecipientType {
    GP,
    MENTAL_HEALTH_TEAM,
    EMERGENCY_SERVICES,
    CHILDRENS_SOCIAL_CARE,
    ADULT_SOCIAL_CARE,
    POLICE,
    REFERRER,
    PARTNER_ORG,
    SUPERVISOR,
    FAMILY,
    NAMED_PERSON,
    COURT,
    STAFF
}
