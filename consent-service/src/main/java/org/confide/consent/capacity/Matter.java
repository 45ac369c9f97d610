package org.confide.consent.capacity;

/** What decision a capacity assessment is about (R-CONS-5: capacity is decision-specific). */
public enum Matter {
    INFORMATION_SHARING,
    CARE_DECISIONS,
    OTHER
}
