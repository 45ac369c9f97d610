package org.confide.disclosure.assessment;

/** The outcome of an assessment (docs/domain.md outcome table); strength order for grounds: REQUIRED > JUSTIFIED > NOT_JUSTIFIED. */
public enum Outcome {
    CONSENTED,
    REQUIRED,
    JUSTIFIED,
    NOT_JUSTIFIED
}
