package org.confide.records.letter.service;

/** A letter to draft on the client's behalf (R-CONS-3); {@code recipientEmail}, if given, is where sending mails it. */
public record DraftLetter(String recipient, String body, String recipientEmail) {}
