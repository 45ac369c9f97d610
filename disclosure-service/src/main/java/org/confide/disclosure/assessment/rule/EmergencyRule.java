package org.confide.disclosure.assessment.rule;

import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;

/**
 * The emergency path (R-PROC-2, R-BRK-1): the call is made first and reviewed afterwards. Open when confidentiality must be
 * broken (REQUIRED), or when a breach is JUSTIFIED, the danger IMMEDIATE and the policy lets emergencies go before approval.
 */
public final class EmergencyRule {

    public boolean open(Outcome outcome, Immediacy immediacy, Policy policy) {
        if (outcome == Outcome.REQUIRED) return true;
        return outcome == Outcome.JUSTIFIED
                && immediacy == Immediacy.IMMEDIATE
                && policy.allowEmergencyBeforeApproval();
    }
}
