package org.confide.disclosure.assessment;

/**
 * A reason to consider breaking confidentiality (docs/api.md disclosure-service `grounds`). Added in issue 18:
 * HARM_TO_PUBLIC (R-BRK-12: the risk of a car accident or of the spread of serious disease) and PARENTAL_SUBSTANCE_USE
 * (R-BRK-13: a parent or carer using substances while caring for children, assessed by its risk factors).
 */
public enum Ground {
    MEDICAL_EMERGENCY,
    RISK_TO_SELF,
    RISK_TO_OTHERS,
    CHILD_PROTECTION,
    VULNERABLE_ADULT,
    TERRORISM,
    SERIOUS_CRIME,
    OTHER_ILLEGAL_ACTIVITY,
    LACKS_CAPACITY,
    THREAT_TO_STAFF,
    COURT_ORDER,
    PSYCHOLOGICAL_DISTRESS,
    HARM_TO_PUBLIC,
    PARENTAL_SUBSTANCE_USE
}
