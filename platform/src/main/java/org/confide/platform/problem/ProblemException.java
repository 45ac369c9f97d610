package org.confide.platform.problem;

import java.util.List;

/**
 * Thrown by services and rules to refuse a request; mapped to problem+json by {@link ProblemMappers}.
 * Carries no stack trace: it is an answer, not a fault.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String rule;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail, String rule, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.rule = rule;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400, "Bad request", field + ": " + message, null, List.of(new Violation(field, message)));
    }

    /** 422: the request is well formed but a field breaks a rule ({@code rule} may be null). */
    public static ProblemException unprocessable(String rule, String field, String message) {
        return new ProblemException(
                422, "Unprocessable request", field + ": " + message, rule, List.of(new Violation(field, message)));
    }

    /** 404: absent, or of another organisation; the two are never told apart. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " not found", null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null, null);
    }

    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(409, "Conflict", detail, rule, null);
    }

    public Problem toProblem() {
        return new Problem(ProblemTypes.forStatus(status), title, status, getMessage(), rule, violations, null);
    }

    public int status() {
        return status;
    }
}
