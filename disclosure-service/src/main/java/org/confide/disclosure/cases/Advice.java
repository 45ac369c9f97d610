package org.confide.disclosure.cases;

/** What a consulted person advised. */
public enum Advice {
    SUPPORT,
    OPPOSE
}
