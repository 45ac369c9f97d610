package org.confide.records.note.service;

import org.confide.records.note.Note;

/** A note with its body opened. */
public record NoteShown(Note note, String body) {}
