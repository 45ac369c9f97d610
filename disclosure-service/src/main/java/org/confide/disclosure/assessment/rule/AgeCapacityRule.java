package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.REQUIRED;

import java.util.EnumSet;
import java.util.Set;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;

/**
 * Age and capacity (R-CONS-5, R-BRK-7, R-BRK-4, R-BRK-8): psychological distress alone is no ground to breach for someone
 * able to consent; 16 and over is presumed able; under 16 it depends on Gillick competence, and distress alongside any sign
 * of harm is a child-protection matter.
 */
public final class AgeCapacityRule {

    /** The age from which capacity is presumed (R-CONS-5, Mental Capacity Act 2005). */
    public static final int PRESUMED_CAPACITY_AGE = 16;

    /** Grounds that, beside a child's distress, are signs of harm to the child (R-BRK-4). */
    static final Set<Ground> CHILD_PROTECTION_SIGNS = EnumSet.of(
            Ground.CHILD_PROTECTION,
            Ground.RISK_TO_SELF,
            Ground.RISK_TO_OTHERS,
            Ground.VULNERABLE_ADULT,
            Ground.MEDICAL_EMERGENCY,
            Ground.SERIOUS_CRIME,
            Ground.OTHER_ILLEGAL_ACTIVITY);

    /** R-CONS-5: an unknown age is treated as an adult's (presumed able), as the law presumes. */
    public boolean presumedAble(Integer clientAge) {
        return clientAge == null || clientAge >= PRESUMED_CAPACITY_AGE;
    }

    /** Whether a client under 16 whose competence has not been assessed must be assessed (Gillick) before anything else. */
    public boolean gillickAssessmentNeeded(Concern concern) {
        return concern.grounds().contains(Ground.PSYCHOLOGICAL_DISTRESS)
                && !presumedAble(concern.clientAge())
                && concern.gillickCompetent() == null;
    }

    /** What the ground PSYCHOLOGICAL_DISTRESS makes of the concern, given the client's age and the other grounds. */
    public Finding distress(Concern concern) {
        Ground g = Ground.PSYCHOLOGICAL_DISTRESS;
        if (presumedAble(concern.clientAge())) {
            // R-BRK-7 with R-CONS-5: 16+ (or adult) presumed able to consent; a lack of capacity is its own ground
            // (R-BRK-8).
            return Finding.of(g, NOT_JUSTIFIED, "R-BRK-7", "R-CONS-5");
        }
        boolean sign = concern.grounds().stream().anyMatch(CHILD_PROTECTION_SIGNS::contains);
        if (sign) {
            // R-BRK-4: a child's distress beside a sign of harm is assessed as a child-protection concern, not
            // dismissed.
            return childProtection(g, concern.immediacy());
        }
        if (Boolean.FALSE.equals(concern.gillickCompetent())) {
            // R-BRK-8: a child not able to make this decision; R-BRK-7 protects only those able to consent.
            return Finding.of(g, JUSTIFIED, "R-BRK-8", "R-CONS-5");
        }
        // Gillick competent, or not yet assessed: consent is sought, as for anyone able to give it.
        return Finding.of(g, NOT_JUSTIFIED, "R-BRK-7", "R-CONS-5");
    }

    /** R-BRK-4 for present danger or significant harm; R-BRK-10 for regular (chronic) or past abuse. */
    static Finding childProtection(Ground g, Immediacy immediacy) {
        return switch (immediacy) {
            case IMMEDIATE, SERIOUS -> Finding.of(g, REQUIRED, "R-BRK-4");
            case CHRONIC, PAST -> Finding.of(g, JUSTIFIED, "R-BRK-10", "R-BRK-4");
        };
    }
}
