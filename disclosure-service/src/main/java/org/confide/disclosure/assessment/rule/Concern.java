package org.confide.disclosure.assessment.rule;

import java.util.List;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.events.codes.RecipientType;

/**
 * One concern as the rules see it.
 *
 * @param clientAge          in years, or null when not given (treated as an adult, R-CONS-5)
 * @param gillickCompetent   for a client under 16: whether they were assessed able to make this decision; null if not assessed
 * @param chosenContact      R-BRK-2: whom the person asked to be contacted (emergency services, their GP, …); null if not asked
 * @param abuserRelationship R-BRK-4: the child's relationship to the alleged abuser; null if not recorded
 * @param abuseTiming        R-BRK-4: past or present abuse; null if not recorded
 * @param substanceUse       R-BRK-13: the risk factors of a parent's substance use; null if not assessed
 */
public record Concern(
        List<Ground> grounds,
        Immediacy immediacy,
        Integer clientAge,
        Boolean gillickCompetent,
        RecipientType chosenContact,
        AbuserRelationship abuserRelationship,
        AbuseTiming abuseTiming,
        SubstanceUse substanceUse) {

    public Concern {
        grounds = List.copyOf(grounds);
    }

    /** A concern without the factors of R-BRK-2, R-BRK-4 and R-BRK-13. */
    public Concern(List<Ground> grounds, Immediacy immediacy, Integer clientAge, Boolean gillickCompetent) {
        this(grounds, immediacy, clientAge, gillickCompetent, null, null, null, null);
    }
}
