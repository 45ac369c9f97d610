package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;

import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;

/**
 * R-BRK-12: serious harm includes harm to the public, the risk of a car accident or of the spread of serious disease
 * (seed 004 "Definition of serious harm"); it can justify a breach "whether the risk is acute or chronic".
 */
public final class PublicHarmRule {

    public Finding assess(Immediacy immediacy) {
        return switch (immediacy) {
            // Acute (immediate, serious) or chronic: the seed counts both.
            case IMMEDIATE, SERIOUS, CHRONIC -> Finding.of(Ground.HARM_TO_PUBLIC, JUSTIFIED, "R-BRK-12");
            // A risk that is over is no harm to prevent: seek consent.
            case PAST -> Finding.of(Ground.HARM_TO_PUBLIC, NOT_JUSTIFIED, "R-BRK-12");
        };
    }
}
