package org.confide.records.letter.rule;

import java.util.Optional;
import org.confide.records.letter.LetterStatus;

/** R-CONS-3: a letter on a client's behalf is shown to the client, and sent only once the client approved it. */
public final class LetterRule {

    public static final String RULE = "R-CONS-3";

    /** Why the client cannot decide now, if they cannot: only a DRAFT awaits their decision. */
    public Optional<String> decisionRefusal(LetterStatus status) {
        return status == LetterStatus.DRAFT
                ? Optional.empty()
                : Optional.of("the letter is " + status + ": only a DRAFT awaits the client's decision");
    }

    /** Why the letter cannot be sent, if it cannot. */
    public Optional<String> sendRefusal(LetterStatus status) {
        return switch (status) {
            case APPROVED -> Optional.empty();
            case DRAFT -> Optional.of("the client has not approved this letter yet: show it to them first");
            case REJECTED -> Optional.of("the client rejected this letter");
            case SENT -> Optional.of("the letter was already sent");
        };
    }

    public LetterStatus decided(boolean approved) {
        return approved ? LetterStatus.APPROVED : LetterStatus.REJECTED;
    }
}
