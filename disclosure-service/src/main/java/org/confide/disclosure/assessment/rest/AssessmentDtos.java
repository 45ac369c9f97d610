package org.confide.disclosure.assessment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Context;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.disclosure.assessment.SubstanceUse.Behaviour;
import org.confide.disclosure.assessment.SubstanceUse.ProtectiveFactor;
import org.confide.disclosure.assessment.service.ConcernCommand;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** The JSON body of a concern (docs/api.md disclosure-service); the answer's shapes are the service's AssessmentViews. */
public final class AssessmentDtos {

    private AssessmentDtos() {}

    /** {@code orgId}: the recipient's organisation, when consent names one (added to docs/api.md's shape). */
    public record ProposedRecipient(
            @NotNull RecipientType type,
            @Size(max = 200) String name,
            @Size(max = 200) String orgId) {}

    /**
     * The body of {@code POST /disclosure-assessments} and {@code POST /disclosures}; {@code context} and {@code summary} are
     * required to raise a case only. {@code gillickCompetent} (added): for a client under 16, whether they were assessed
     * able to make this decision. Issue 18 added {@code chosenContact} (R-BRK-2), {@code abuserRelationship} and
     * {@code abuseTiming} (R-BRK-4) and {@code substanceUse} (R-BRK-13).
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
            @Size(max = 100) String groupId,
            RecipientType chosenContact,
            AbuserRelationship abuserRelationship,
            AbuseTiming abuseTiming,
            @Valid SubstanceUseBody substanceUse) {}

    /** R-BRK-13: the risk factors of a parent's substance use, as codes and numbers (see SubstanceUse). */
    public record SubstanceUseBody(
            SubstanceUse.Substance substance,
            SubstanceUse.Amount amount,
            @Size(max = 5) List<@NotNull ProtectiveFactor> protectiveFactors,
            SubstanceUse.MentalHealth mentalHealth,
            @Size(max = 6) List<@NotNull Behaviour> behaviours,
            @Size(max = 20) List<@NotNull @Min(0) @Max(17) Integer> childrenAges,
            Boolean riskToChildFound) {}

    /** The command the services take (issue 17: they never see this body). */
    public static ConcernCommand command(ConcernBody b) {
        return new ConcernCommand(
                b.clientId(),
                b.grounds(),
                b.immediacy(),
                b.context(),
                b.summary(),
                b.proposedRecipients().stream()
                        .map(r -> new ConcernCommand.Recipient(r.type(), r.name(), r.orgId()))
                        .toList(),
                b.categories(),
                b.clientAge(),
                b.gillickCompetent(),
                b.purpose(),
                b.groupId(),
                b.chosenContact(),
                b.abuserRelationship(),
                b.abuseTiming(),
                substanceUse(b.substanceUse()));
    }

    private static SubstanceUse substanceUse(SubstanceUseBody b) {
        return b == null
                ? null
                : new SubstanceUse(
                        b.substance(),
                        b.amount(),
                        b.protectiveFactors() == null
                                ? null
                                : b.protectiveFactors().stream().distinct().toList(),
                        b.mentalHealth(),
                        b.behaviours() == null
                                ? null
                                : b.behaviours().stream().distinct().toList(),
                        b.childrenAges(),
                        b.riskToChildFound());
    }
}
