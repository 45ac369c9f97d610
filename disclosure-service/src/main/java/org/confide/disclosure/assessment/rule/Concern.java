package org.confide.disclosure.assessment.rule;

import java.util.List;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;

/**
 * One concern as the rules see it.
 *
 * @param clientAge        in years, or null when not given (treated as an adult, R-CONS-5)
 * @param gillickCompetent for a client under 16: whether they were assessed able to make this decision; null if not assessed
 */
public record Concern(List<Ground> grounds, Immediacy immediacy, Integer clientAge, Boolean gillickCompetent) {

    public Concern {
        grounds = List.copyOf(grounds);
    }
}
