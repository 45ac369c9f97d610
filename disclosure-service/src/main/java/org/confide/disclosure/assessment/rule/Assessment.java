package org.confide.disclosure.assessment.rule;

import java.util.List;
import org.confide.disclosure.assessment.Outcome;

/**
 * The result of assessing one concern.
 *
 * @param outcome          CONSENTED when every recipient is covered, else the strongest outcome of the grounds
 * @param groundsOutcome   the outcome the grounds alone give (what applies once consent is gone)
 * @param decidingRule     the rule that made the outcome so (a 409 on approval of NOT_JUSTIFIED names it)
 * @param rules            the rule ids that led to the outcome, deciding one first
 * @param findings         each ground's own finding
 * @param consentChecked   false when consent could not be checked for some recipient (fail closed)
 * @param emergencyAllowed whether a share may go before approval (R-PROC-2)
 */
public record Assessment(
        Outcome outcome,
        Outcome groundsOutcome,
        String decidingRule,
        List<String> rules,
        List<Finding> findings,
        List<RecipientConsent> recipients,
        boolean consentChecked,
        boolean emergencyAllowed,
        List<RequiredStep> requiredSteps) {

    /** A step still to be taken, with the rule that asks for it. */
    public record RequiredStep(String code, String rule, String text) {}
}
