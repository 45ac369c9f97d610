package org.confide.disclosure.cases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Context;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.disclosure.assessment.rest.AssessmentDtos.ProposedRecipient;
import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.cases.CaseStatus;
import org.confide.disclosure.cases.ConsultedRole;
import org.confide.disclosure.cases.DecisionKind;
import org.confide.disclosure.cases.InvolvementResponse;
import org.confide.disclosure.cases.LawfulBasis;
import org.confide.disclosure.cases.ShareMethod;
import org.confide.disclosure.cases.StepKind;
import org.confide.disclosure.cases.service.CaseCommands;
import org.confide.events.codes.Category;
import org.confide.events.codes.Purpose;
import org.confide.events.codes.RecipientType;

/** The JSON bodies and views of the case workflow (docs/api.md disclosure-service); what a step stores is StepData. */
public final class CaseDtos {

    private CaseDtos() {}

    /** R-PROC-1; {@code reason} is required when the client was not told (checked by the rule, 422 R-PROC-1). */
    public record Involvement(
            @NotNull Boolean informed,
            @NotNull InvolvementResponse response,
            @Size(max = 4000) String reason) {}

    /** R-PROC-2, R-REF-2 ({@code orgId} required for a partner representative). */
    public record Consultation(
            @NotNull ConsultedRole consultedRole,
            @Size(max = 200) String consultedId,
            @Size(max = 200) String orgId,
            @NotNull Advice advice,
            @Size(max = 4000) String note) {}

    /** R-PROC-2; {@code retrospective} is the service's to set, and ignored here. */
    public record Decision(
            @NotNull DecisionKind decision,
            @NotBlank @Size(max = 4000) String rationale,
            LawfulBasis lawfulBasis,
            Boolean retrospective) {}

    /** R-PROC-3; {@code basis} and {@code onDecisionOf} are the service's to set (StepData.Share), and ignored here. */
    public record Share(
            @NotNull RecipientType recipientType,
            @Size(max = 200) String recipientName,
            @NotNull ShareMethod method,
            @NotEmpty @Size(max = 8) List<@NotNull Category> categories,
            Boolean emergency,
            String basis,
            String onDecisionOf) {}

    public record FollowUp(
            @NotNull Boolean supportOffered,
            @NotNull Boolean clientInformedOfOutcome,
            @Size(max = 4000) String note) {}

    public record StepView(StepKind kind, OffsetDateTime at, String actorId, String actorRole, JsonNode data) {}

    /**
     * The case with every step; the typed lists repeat the steps' data with when and by whom. Issue 18: the factors recorded
     * with the concern (R-BRK-2 {@code chosenContact}, R-BRK-4 {@code abuserRelationship}, {@code abuseTiming}, R-BRK-13
     * {@code substanceUse}).
     */
    public record CaseView(
            UUID id,
            String org,
            String clientId,
            String groupId,
            CaseStatus status,
            Outcome outcome,
            List<Ground> grounds,
            Immediacy immediacy,
            Context context,
            String summary,
            List<ProposedRecipient> proposedRecipients,
            List<Category> categories,
            Integer clientAge,
            Boolean gillickCompetent,
            Purpose purpose,
            JsonNode assessment,
            boolean consentChecked,
            int policyVersion,
            JsonNode policy,
            String raisedBy,
            String raisedByRole,
            OffsetDateTime raisedAt,
            OffsetDateTime updatedAt,
            List<JsonNode> clientInvolvements,
            List<JsonNode> consultations,
            JsonNode decision,
            List<JsonNode> shares,
            JsonNode followUp,
            JsonNode closed,
            List<StepView> steps,
            RecipientType chosenContact,
            AbuserRelationship abuserRelationship,
            AbuseTiming abuseTiming,
            SubstanceUse substanceUse) {}

    static CaseCommands.InvolveClient command(Involvement b) {
        return new CaseCommands.InvolveClient(b.informed(), b.response(), b.reason());
    }

    static CaseCommands.Consult command(Consultation b) {
        return new CaseCommands.Consult(b.consultedRole(), b.consultedId(), b.orgId(), b.advice(), b.note());
    }

    static CaseCommands.Decide command(Decision b) {
        return new CaseCommands.Decide(b.decision(), b.rationale(), b.lawfulBasis());
    }

    static CaseCommands.Share command(Share b) {
        return new CaseCommands.Share(
                b.recipientType(), b.recipientName(), b.method(), b.categories(), Boolean.TRUE.equals(b.emergency()));
    }

    static CaseCommands.FollowUp command(FollowUp b) {
        return new CaseCommands.FollowUp(b.supportOffered(), b.clientInformedOfOutcome(), b.note());
    }
}
