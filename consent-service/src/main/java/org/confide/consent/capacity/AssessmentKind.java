package org.confide.consent.capacity;

/**
 * Which test an assessment applies: {@code CAPACITY}, the Mental Capacity Act 2005's, presumed from 16 (R-CONS-5);
 * {@code COMPETENCE}, Gillick competence, what an under-16's consent needs (R-CONS-6).
 */
public enum AssessmentKind {
    CAPACITY,
    COMPETENCE
}
