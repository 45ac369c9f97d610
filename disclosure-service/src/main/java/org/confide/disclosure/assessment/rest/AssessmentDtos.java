package org.confide.disclosure.assessment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.confide.disclosure.assessment.Category;
import org.confide.disclosure.assessment.Context;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.Purpose;
import org.confide.disclosure.assessment.RecipientType;
import org.confide.disclosure.assessment.rule.Assessment.RequiredStep;

/** The JSON shapes of a concern and its assessment (docs/api.md disclosure-service). */
public final class AssessmentDtos {

    private AssessmentDtos() {
    }

    /** {@code orgId}: the recipient's organisation, when consent names one (added to docs/api.md's shape). */
    public record ProposedRecipient(@NotNull RecipientType type, @Size(max = 200) String name, @Size(max = 200) String orgId) {
    }

    /**
     * The body of {@code POST /disclosure-assessments} and {@code POST /disclosures}; {@code context} and {@code summary} are
     * required to raise a case only. {@code gillickCompetent} (added): for a client under 16, whether they were assessed
     * able to make this decision.
     */
    public record ConcernBody(
            @NotBlank @Size(max = 100) String clientId,
            @NotEmpty @Size(max = 12) List<@NotNull Ground> grounds,
            @NotNull Immediacy immediacy,
            Context context,
            @Size(max = 4000) String summary,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid ProposedRecipient> proposedRecipients,
            @NotEmpty @Size(max = 8) List<@NotNull Category> categories,
            @Min(0) @Max(130) Integer clientAge,
            Boolean gillickCompetent,
            Purpose purpose,
            @Size(max = 100) String groupId) {
    }

    public record RuleView(String id, String text) {
    }

    public record CategoryAnswer(Category category, boolean permitted, String reason, String consentId) {
    }

    public record RecipientView(RecipientType type, String name, String orgId, boolean consented, boolean consentChecked,
                                List<CategoryAnswer> categories) {
    }

    public record FindingView(Ground ground, Outcome outcome, List<String> rules) {
    }

    /** The answer of a dry run, and what a case records as its assessment. */
    public record AssessmentView(Outcome outcome, Outcome groundsOutcome, String decidingRule, List<RuleView> rules,
                                 List<RecipientView> recipients, List<RequiredStep> requiredSteps, boolean consentChecked,
                                 boolean emergencyAllowed, int policyVersion, Purpose purpose, List<FindingView> findings) {
    }
}
