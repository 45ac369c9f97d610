package org.confide.disclosure.assessment;

/** R-BRK-4: whether the abuse is past, present, or both; present abuse is a present danger. */
public enum AbuseTiming {
    PAST,
    PRESENT,
    PAST_AND_PRESENT
}
