package org.confide.disclosure.cases;

import java.util.List;
import org.confide.disclosure.assessment.Outcome;
import org.confide.events.codes.Category;
import org.confide.events.codes.RecipientType;

/**
 * What each step of a case stores as its data (JSON in {@code disclosure_step.data}, free text sealed apart): the shapes
 * docs/api.md shows in a case's steps and typed lists.
 */
public final class StepData {

    private StepData() {}

    public record Raised(Outcome outcome, int policyVersion, boolean consentChecked) {}

    /** R-PROC-1. */
    public record Involvement(Boolean informed, InvolvementResponse response, String reason) {}

    /** R-PROC-2, R-REF-2. */
    public record Consultation(
            ConsultedRole consultedRole, String consultedId, String orgId, Advice advice, String note) {}

    /** R-PROC-2; {@code retrospective}: made after an emergency share. */
    public record Decision(DecisionKind decision, String rationale, LawfulBasis lawfulBasis, Boolean retrospective) {}

    /**
     * R-PROC-3: on {@code basis} APPROVAL, CONSENT or EMERGENCY; {@code onDecisionOf} the deciding manager, or the sharer on
     * the emergency path, or null when the client's consent covers it.
     */
    public record Share(
            RecipientType recipientType,
            String recipientName,
            ShareMethod method,
            List<Category> categories,
            Boolean emergency,
            String basis,
            String onDecisionOf) {}

    public record FollowUp(Boolean supportOffered, Boolean clientInformedOfOutcome, String note) {}

    /** Stored when consent no longer covers a share of a CONSENTED case (R-CONS-4): the outcome turns. */
    public record ConsentRecheck(
            Outcome fromOutcome,
            Outcome toOutcome,
            boolean consentChecked,
            RecipientType recipientType,
            List<Category> categories) {}
}
