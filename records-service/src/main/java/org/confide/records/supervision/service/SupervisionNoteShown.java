package org.confide.records.supervision.service;

import org.confide.records.supervision.SupervisionNote;

/** A supervision note with its text opened. */
public record SupervisionNoteShown(SupervisionNote note, String text) {}
