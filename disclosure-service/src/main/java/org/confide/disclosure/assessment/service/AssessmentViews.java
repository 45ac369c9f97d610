package org.confide.disclosure.assessment.service;

import java.util.List;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.disclosure.assessment.rule.Assessment.RequiredStep;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** What an assessment answers, and what a case records as its assessment (docs/api.md disclosure-service "Assessment"). */
public final class AssessmentViews {

    private AssessmentViews() {}

    public record RuleView(String id, String text) {}

    public record CategoryAnswer(Category category, boolean permitted, String reason, String consentId) {}

    public record RecipientView(
            RecipientType type,
            String name,
            String orgId,
            boolean consented,
            boolean consentChecked,
            List<CategoryAnswer> categories) {}

    public record FindingView(Ground ground, Outcome outcome, List<String> rules) {}

    /**
     * The answer of a dry run, and what a case records as its assessment; it repeats the factors it was made on (R-BRK-2
     * {@code chosenContact}, R-BRK-4 {@code abuserRelationship} and {@code abuseTiming}, R-BRK-13 {@code substanceUse}).
     */
    public record AssessmentView(
            Outcome outcome,
            Outcome groundsOutcome,
            String decidingRule,
            List<RuleView> rules,
            List<RecipientView> recipients,
            List<RequiredStep> requiredSteps,
            boolean consentChecked,
            boolean emergencyAllowed,
            int policyVersion,
            Purpose purpose,
            List<FindingView> findings,
            RecipientType chosenContact,
            AbuserRelationship abuserRelationship,
            AbuseTiming abuseTiming,
            SubstanceUse substanceUse) {}
}
