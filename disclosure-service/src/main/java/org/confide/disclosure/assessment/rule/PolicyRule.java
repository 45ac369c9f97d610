package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;

import java.util.List;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;

/** What the organisation's policy settings decide: imminence for risk to self (R-BRK-6), consultation and partners. */
public final class PolicyRule {

    /**
     * R-BRK-6, R-BRK-2, R-BRK-3: an IMMEDIATE risk to self always justifies; a SERIOUS or CHRONIC one only where the
     * policy counts chronic serious risk (seed 004, "acute immediate risk and also chronic risk"); a PAST one never.
     */
    public Finding riskToSelf(Immediacy immediacy, Policy policy) {
        return switch (immediacy) {
            case IMMEDIATE -> Finding.of(Ground.RISK_TO_SELF, JUSTIFIED, "R-BRK-2", "R-BRK-3");
            case SERIOUS ->
                policy.requireImminenceForRiskToSelf()
                        ? Finding.of(Ground.RISK_TO_SELF, NOT_JUSTIFIED, "R-BRK-6")
                        : Finding.of(Ground.RISK_TO_SELF, JUSTIFIED, "R-BRK-2", "R-BRK-3", "R-BRK-6");
            case CHRONIC ->
                policy.requireImminenceForRiskToSelf()
                        ? Finding.of(Ground.RISK_TO_SELF, NOT_JUSTIFIED, "R-BRK-6")
                        : Finding.of(Ground.RISK_TO_SELF, JUSTIFIED, "R-BRK-6", "R-BRK-2");
            case PAST -> Finding.of(Ground.RISK_TO_SELF, NOT_JUSTIFIED, "R-BRK-6");
        };
    }

    /** R-PROC-2: whether an approval needs a recorded consultation first. */
    public boolean consultationRequired(Policy policy) {
        return policy.requireConsultation();
    }

    /** R-REF-2: the organisations one of whose representatives must have supported an approval. */
    public List<String> partnersWhoseSupportIsRequired(Policy policy) {
        return policy.partnerApprovalOrgs();
    }
}
