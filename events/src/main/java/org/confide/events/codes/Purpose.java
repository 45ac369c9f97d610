package org.confide.events.codes;

/** Why information is used or shared (docs/api.md consent-service, {@code purpose}). */
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
