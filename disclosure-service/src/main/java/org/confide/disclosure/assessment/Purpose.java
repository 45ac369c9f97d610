package org.confide.disclosure.assessment;

/** Why information is shared (docs/api.md consent-service `purpose`); a disclosure asks with SAFEGUARDING by default. */
public enum Purpose {
    CONTINUING_CARE,
    REFERRAL_UPDATES,
    SUPERVISION,
    SAFEGUARDING,
    LETTER,
    CASE_STUDY,
    GROUP_WORK,
    TRAINING,
    RECORDING
}
