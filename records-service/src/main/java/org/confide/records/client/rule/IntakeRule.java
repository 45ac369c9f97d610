package org.confide.records.client.rule;

import java.util.Optional;

/**
 * R-REC-5: the limits of confidentiality are explained to the client at intake, and this is recorded.
 * A client cannot be registered until the practitioner confirms it was done.
 */
public final class IntakeRule {

    public static final String RULE = "R-REC-5";

    /** The refusal, if any: empty when the client may be registered. */
    public Optional<String> refusal(Boolean limitsExplained) {
        if (Boolean.TRUE.equals(limitsExplained)) {
            return Optional.empty();
        }
        return Optional.of("the limits of confidentiality must be explained to the client before registration");
    }
}
