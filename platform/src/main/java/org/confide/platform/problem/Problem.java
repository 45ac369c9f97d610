package org.confide.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error Confide returns.
 * {@code rule} names the docs/domain.md rule that refused the request; {@code violations} lists bad fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String rule,
        List<Violation> violations,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem withCorrelationId(String id) {
        return new Problem(type, title, status, detail, rule, violations, id);
    }
}
