package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Outcome.REQUIRED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.rule.Assessment.RequiredStep;

/**
 * R-BRK-4: the child's age, relationship to the abuser, whether the abuse is past or present, and Gillick competence are
 * considered and recorded with the concern. Present abuse is a present danger, whatever immediacy was chosen.
 */
public final class ChildFactorsRule {

    static final Set<Ground> GROUNDS = EnumSet.of(Ground.CHILD_PROTECTION, Ground.VULNERABLE_ADULT);

    /** A finding made stronger by present abuse: REQUIRED under R-BRK-4 (otherwise the finding stands). */
    public Finding withTiming(Finding finding, AbuseTiming timing) {
        boolean present = timing == AbuseTiming.PRESENT || timing == AbuseTiming.PAST_AND_PRESENT;
        if (!present || finding.outcome() == REQUIRED) return finding;
        return Finding.of(finding.ground(), REQUIRED, "R-BRK-4");
    }

    /** The factors still to record, as one step naming them. */
    public List<RequiredStep> steps(Concern concern) {
        List<RequiredStep> steps = new ArrayList<>();
        if (concern.grounds().stream().noneMatch(GROUNDS::contains)) return steps;
        List<String> missing = new ArrayList<>();
        if (concern.abuserRelationship() == null) missing.add("abuserRelationship");
        if (concern.abuseTiming() == null) missing.add("abuseTiming");
        if (!missing.isEmpty()) {
            steps.add(new RequiredStep(
                    "RECORD_CHILD_FACTORS",
                    "R-BRK-4",
                    "record the relationship to the alleged abuser and whether the abuse is past or present "
                            + missing));
        }
        return steps;
    }
}
