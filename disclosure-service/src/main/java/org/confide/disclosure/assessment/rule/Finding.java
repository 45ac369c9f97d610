package org.confide.disclosure.assessment.rule;

import java.util.List;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Outcome;

/**
 * What one ground, on its own, makes of the concern: an outcome among REQUIRED, JUSTIFIED and NOT_JUSTIFIED, and the rule
 * ids that led there, the deciding one first.
 */
public record Finding(Ground ground, Outcome outcome, List<String> rules) {

    public Finding {
        if (outcome == Outcome.CONSENTED) throw new IllegalArgumentException("a ground never yields CONSENTED");
        if (rules.isEmpty()) throw new IllegalArgumentException("a finding cites at least one rule");
        rules = List.copyOf(rules);
    }

    public static Finding of(Ground ground, Outcome outcome, String... rules) {
        return new Finding(ground, outcome, List.of(rules));
    }

    /** The rule that made it so (named by a 409 that refuses on it). */
    public String decidingRule() {
        return rules.getFirst();
    }
}
