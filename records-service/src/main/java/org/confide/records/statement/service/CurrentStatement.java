package org.confide.records.statement.service;

import java.time.OffsetDateTime;
import org.confide.records.statement.ConfidentialityStatement;

/** The current statement and when the caller acknowledged it (null: not yet, R-REC-6). */
public record CurrentStatement(ConfidentialityStatement statement, OffsetDateTime acknowledgedAt) {}
