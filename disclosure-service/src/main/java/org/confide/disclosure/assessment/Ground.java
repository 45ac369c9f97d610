package org.confide.disclosure.assessment;

/** A reason to consider breaking confidentiality (docs/api.md disclosure-service `grounds`). */
public enum Ground {
    MEDICAL_EMERGENCY, RISK_TO_SELF, RISK_TO_OTHERS, CHILD_PROTECTION, VULNERABLE_ADULT, TERRORISM, SERIOUS_CRIME,
    OTHER_ILLEGAL_ACTIVITY, LACKS_CAPACITY, THREAT_TO_STAFF, COURT_ORDER, PSYCHOLOGICAL_DISTRESS
}
