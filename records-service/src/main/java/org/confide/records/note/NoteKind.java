package org.confide.records.note;

/** How the session happened (API.md). */
public enum NoteKind {
    SESSION, GROUP, PHONE, ONLINE, CONSULTATION
}
