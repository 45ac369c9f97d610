package org.confide.records.letter;

/** A letter on a client's behalf (R-CONS-3): DRAFT until the client approves or rejects it; SENT only once APPROVED. */
public enum LetterStatus {
    DRAFT,
    APPROVED,
    REJECTED,
    SENT
}
