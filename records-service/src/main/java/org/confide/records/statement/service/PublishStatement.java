package org.confide.records.statement.service;

/** A new version of the organisation's confidentiality statement (R-REC-6). */
public record PublishStatement(String text) {}
