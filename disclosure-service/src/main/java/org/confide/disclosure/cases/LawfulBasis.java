package org.confide.disclosure.cases;

/** The lawful basis of an approved disclosure (UK GDPR / DPA 2018; SAFEGUARDING is Sch. 1 para 18). */
public enum LawfulBasis {
    VITAL_INTERESTS,
    LEGAL_OBLIGATION,
    SAFEGUARDING,
    PUBLIC_INTEREST,
    CONSENT
}
