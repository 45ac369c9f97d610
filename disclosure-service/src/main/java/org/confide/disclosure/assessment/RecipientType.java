package org.confide.disclosure.assessment;

/** Who information would go to (docs/api.md consent-service `recipient.type`). */
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
