package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.REQUIRED;

import org.confide.disclosure.assessment.Ground;

/** The grounds of docs/domain.md's outcome table: what each ground alone makes of a concern, citing its rule. */
public final class GroundsRule {

    private final PolicyRule policyRule = new PolicyRule();
    private final AgeCapacityRule ageRule = new AgeCapacityRule();
    private final PublicHarmRule publicHarmRule = new PublicHarmRule();
    private final SubstanceUseRule substanceRule = new SubstanceUseRule();
    private final ChildFactorsRule childFactors = new ChildFactorsRule();

    public Finding assess(Ground ground, Concern concern, Policy policy) {
        return switch (ground) {
            // R-BRK-1: call emergency services at once.
            case MEDICAL_EMERGENCY -> Finding.of(ground, REQUIRED, "R-BRK-1");
            // R-BRK-6 is a policy setting.
            case RISK_TO_SELF -> policyRule.riskToSelf(concern.immediacy(), policy);
            // R-BRK-2: high risk of harming another; serious harm includes chronic risk (seed 004); a past act is
            // R-BRK-5's.
            case RISK_TO_OTHERS ->
                switch (concern.immediacy()) {
                    case IMMEDIATE, SERIOUS, CHRONIC -> Finding.of(ground, JUSTIFIED, "R-BRK-2");
                    case PAST -> Finding.of(ground, NOT_JUSTIFIED, "R-BRK-5");
                };
            // R-BRK-4 for a child at present risk (present abuse is); R-BRK-10 for regular or past abuse.
            case CHILD_PROTECTION, VULNERABLE_ADULT ->
                childFactors.withTiming(
                        AgeCapacityRule.childProtection(ground, concern.immediacy()), concern.abuseTiming());
            // R-BRK-5: terrorism is the one illegal activity with a duty to report (Terrorism Act 2000 s38B).
            case TERRORISM -> Finding.of(ground, REQUIRED, "R-BRK-5");
            case SERIOUS_CRIME -> Finding.of(ground, JUSTIFIED, "R-BRK-5");
            case OTHER_ILLEGAL_ACTIVITY -> Finding.of(ground, NOT_JUSTIFIED, "R-BRK-5");
            case LACKS_CAPACITY -> Finding.of(ground, JUSTIFIED, "R-BRK-8", "R-CONS-5");
            case THREAT_TO_STAFF -> Finding.of(ground, JUSTIFIED, "R-BRK-9");
            case COURT_ORDER -> Finding.of(ground, JUSTIFIED, "R-BRK-11");
            // R-BRK-7 with age and capacity (R-CONS-5, R-BRK-4).
            case PSYCHOLOGICAL_DISTRESS -> ageRule.distress(concern);
            // R-BRK-12: harm to the public, acute or chronic.
            case HARM_TO_PUBLIC -> publicHarmRule.assess(concern.immediacy());
            // R-BRK-13: a child-protection case only when the assessment found a risk to a child.
            case PARENTAL_SUBSTANCE_USE -> substanceRule.assess(concern);
        };
    }
}
