package org.confide.disclosure.assessment.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.rule.Assessment.RequiredStep;
import org.confide.events.codes.RecipientType;

/**
 * R-BRK-2: with a high risk of suicide or of harming another, the person is fully involved: told the concern and asked whom
 * to contact; by their wish the emergency services or their GP are contacted, and whom they asked for is recorded.
 */
public final class ChosenContactRule {

    /** The grounds R-BRK-2 speaks of. */
    static final Set<Ground> GROUNDS = EnumSet.of(Ground.RISK_TO_SELF, Ground.RISK_TO_OTHERS);

    public List<RequiredStep> steps(Concern concern, Collection<RecipientType> proposed) {
        List<RequiredStep> steps = new ArrayList<>();
        if (concern.grounds().stream().noneMatch(GROUNDS::contains)) return steps;
        if (concern.chosenContact() == null) {
            steps.add(
                    new RequiredStep(
                            "ASK_WHOM_TO_CONTACT",
                            "R-BRK-2",
                            "tell the person the concern and ask whom they want contacted (emergency services, their GP, …); record it"));
        } else if (!proposed.contains(concern.chosenContact())) {
            steps.add(new RequiredStep(
                    "CONTACT_WHOM_THEY_ASKED_FOR",
                    "R-BRK-2",
                    "the person asked for " + concern.chosenContact() + ": propose them as a recipient"));
        }
        return steps;
    }
}
