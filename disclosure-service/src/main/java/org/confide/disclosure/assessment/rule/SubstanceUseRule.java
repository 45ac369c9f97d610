package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.REQUIRED;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.rule.Assessment.RequiredStep;
import org.confide.events.codes.RecipientType;

/**
 * R-BRK-13: a parent or carer using substances while caring for children is not in itself a child-protection case. The
 * risk factors are assessed and recorded; only a risk to a child found by that assessment brings in R-BRK-4, and then the
 * GP and the family services (recipient CHILDRENS_SOCIAL_CARE) are involved while the person is supported and kept informed.
 */
public final class SubstanceUseRule {

    /** Who R-BRK-13 involves once a risk is found: the GP and the local family services. */
    public static final List<RecipientType> INVOLVED = List.of(RecipientType.GP, RecipientType.CHILDRENS_SOCIAL_CARE);

    public Finding assess(Concern concern) {
        Ground g = Ground.PARENTAL_SUBSTANCE_USE;
        if (concern.substanceUse() == null || !concern.substanceUse().riskFound()) {
            // Not automatically a child-protection case: support the person and seek consent.
            return Finding.of(g, NOT_JUSTIFIED, "R-BRK-13");
        }
        return switch (concern.immediacy()) {
            // R-BRK-4: a child at risk of significant harm now.
            case IMMEDIATE, SERIOUS -> Finding.of(g, REQUIRED, "R-BRK-4", "R-BRK-13");
            // A risk found, but not a present danger: a breach may follow the R-PROC steps.
            case CHRONIC, PAST -> Finding.of(g, JUSTIFIED, "R-BRK-4", "R-BRK-13");
        };
    }

    /** A field at fault, and why (422 naming R-BRK-13). */
    public record Invalid(String field, String message) {}

    /**
     * Risk factors belong to a concern with the ground PARENTAL_SUBSTANCE_USE; a case raised on that ground records them,
     * with the children's ages and the assessment's finding (a dry run may come before the assessment).
     */
    public Optional<Invalid> invalid(Concern concern, boolean raising) {
        boolean ground = concern.grounds().contains(Ground.PARENTAL_SUBSTANCE_USE);
        if (!ground) {
            return concern.substanceUse() == null
                    ? Optional.empty()
                    : Optional.of(new Invalid(
                            "substanceUse", "risk factors belong to a concern with the ground PARENTAL_SUBSTANCE_USE"));
        }
        if (!raising) return Optional.empty();
        if (concern.substanceUse() == null) {
            return Optional.of(new Invalid("substanceUse", "assess and record the risk factors before raising a case"));
        }
        if (concern.substanceUse().childrenAges().isEmpty()) {
            return Optional.of(
                    new Invalid("substanceUse.childrenAges", "the children's ages are part of the assessment"));
        }
        if (concern.substanceUse().riskToChildFound() == null) {
            return Optional.of(new Invalid(
                    "substanceUse.riskToChildFound", "record whether the assessment found a risk to a child"));
        }
        return Optional.empty();
    }

    /** The steps R-BRK-13 adds: assess the factors first; once a risk is found, involve the GP and family services. */
    public List<RequiredStep> steps(Concern concern, Collection<RecipientType> proposed) {
        List<RequiredStep> steps = new ArrayList<>();
        if (!concern.grounds().contains(Ground.PARENTAL_SUBSTANCE_USE)) return steps;
        if (concern.substanceUse() == null) {
            steps.add(
                    new RequiredStep(
                            "ASSESS_RISK_FACTORS",
                            "R-BRK-13",
                            "assess and record the risk factors: substance, "
                                    + "amount, protective factors, mental health, behaviour while under the influence, the children's ages"));
        } else if (concern.substanceUse().riskFound()) {
            List<RecipientType> missing =
                    INVOLVED.stream().filter(r -> !proposed.contains(r)).toList();
            if (!missing.isEmpty()) {
                steps.add(new RequiredStep(
                        "INVOLVE_GP_AND_FAMILY_SERVICES",
                        "R-BRK-13",
                        "a risk to a child was found: involve the GP and the family services (propose " + missing
                                + ")"));
            }
        }
        return steps;
    }
}
