package org.confide.records.note;

/** How the session happened (docs/api.md). */
public enum NoteKind {
    SESSION,
    GROUP,
    PHONE,
    ONLINE,
    CONSULTATION
}
