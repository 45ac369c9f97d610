package org.confide.records.letter.service;

import org.confide.records.letter.Letter;

/** A letter with its recipient, body and recipient's address opened. */
public record LetterShown(Letter letter, String recipient, String body, String recipientEmail) {}
