package org.confide.disclosure.assessment;

/** How immediate the danger is (R-BRK-6 turns on it). */
public enum Immediacy {
    IMMEDIATE,
    SERIOUS,
    CHRONIC,
    PAST
}
