package org.confide.platform.problem;

/** One invalid field of a request: {@code field} is the JSON path, {@code message} says what is wrong. */
public record Violation(String field, String message) {}
