package org.confide.records.note.service;

import java.time.LocalDate;
import org.confide.records.note.NoteKind;

/** A session note to write (R-REC-1). */
public record WriteNote(LocalDate sessionDate, NoteKind kind, String body) {}
