package org.confide.records.letter.service;

import org.confide.records.letter.Letter;

/** A letter with its recipient and body opened. */
public record LetterShown(Letter letter, String recipient, String body) {}
