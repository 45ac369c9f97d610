package org.confide.records.letter.service;

/** A letter to draft on the client's behalf (R-CONS-3). */
public record DraftLetter(String recipient, String body) {}
