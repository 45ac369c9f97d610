package org.confide.disclosure.cases.rule;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.rule.EmergencyRule;
import org.confide.disclosure.assessment.rule.Policy;
import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.cases.CaseStatus;
import org.confide.disclosure.cases.ConsultedRole;
import org.confide.disclosure.cases.DecisionKind;
import org.confide.disclosure.cases.InvolvementResponse;
import org.confide.disclosure.cases.LawfulBasis;
import org.confide.events.codes.Category;
import org.confide.events.codes.RecipientType;

/**
 * How a case moves from raised to closed (R-PROC-1..4, R-REF-2): each step either goes ahead or is refused with the rule
 * that refuses it (409 for the case's state, 422 for a field).
 */
public final class WorkflowRule {

    private final EmergencyRule emergencyRule = new EmergencyRule();

    public record Involvement(boolean informed, InvolvementResponse response) {}

    public record Consultation(ConsultedRole role, String orgId, Advice advice) {}

    /** {@code emergency}: made before any decision, on the emergency path; it needs a retrospective decision. */
    public record Share(boolean emergency) {}

    /** What the rule needs to know of a case. {@code decision} is null until a manager decides. */
    public record CaseState(
            CaseStatus status,
            Outcome outcome,
            String decidingRule,
            Immediacy immediacy,
            List<Ground> grounds,
            Policy policy,
            String raisedBy,
            List<RecipientType> proposedRecipients,
            Set<Category> categories,
            List<Involvement> involvements,
            List<Consultation> consultations,
            DecisionKind decision,
            List<Share> shares,
            boolean followedUp) {}

    /** A refusal: {@code status} 409 or 422, the rule, and for 422 the field. */
    public record Refusal(int status, String rule, String field, String message) {
        static Optional<Refusal> conflict(String rule, String message) {
            return Optional.of(new Refusal(409, rule, null, message));
        }

        static Optional<Refusal> invalid(String rule, String field, String message) {
            return Optional.of(new Refusal(422, rule, field, message));
        }
    }

    private static final Set<Ground> SELF_REGARDING = EnumSet.of(Ground.RISK_TO_SELF, Ground.PSYCHOLOGICAL_DISTRESS);

    /** R-PROC-1: the client kept informed; why they were not is required when they were not. */
    public Optional<Refusal> involvement(CaseState s, boolean informed, InvolvementResponse response, String reason) {
        if (s.status() == CaseStatus.CLOSED) return Refusal.conflict("R-PROC-1", "the case is closed");
        if (informed && response == InvolvementResponse.NOT_INFORMED_RISK) {
            return Refusal.invalid(
                    "R-PROC-1", "informed", "a client who was informed cannot have the response NOT_INFORMED_RISK");
        }
        if (!informed && (response == InvolvementResponse.AGREED || response == InvolvementResponse.REFUSED)) {
            return Refusal.invalid(
                    "R-PROC-1", "response", "a client who was not informed cannot have agreed or refused");
        }
        if ((!informed || response == InvolvementResponse.NOT_INFORMED_RISK) && blank(reason)) {
            return Refusal.invalid("R-PROC-1", "reason", "why the client was not told is required");
        }
        return Optional.empty();
    }

    /** R-PROC-2 (discussed before anything goes out), R-REF-2 (a partner representative names their organisation). */
    public Optional<Refusal> consultation(CaseState s, ConsultedRole role, String orgId) {
        if (s.status() == CaseStatus.CLOSED) return Refusal.conflict("R-PROC-2", "the case is closed");
        if (s.decision() != null)
            return Refusal.conflict("R-PROC-2", "the decision is made; consultations come before it");
        if (role == ConsultedRole.PARTNER_REPRESENTATIVE && blank(orgId)) {
            return Refusal.invalid("R-REF-2", "orgId", "a partner representative's organisation is required");
        }
        return Optional.empty();
    }

    /** R-PROC-2 (a manager not the raiser), R-PROC-1, R-PROC-4, R-REF-2; an approval of a NOT_JUSTIFIED case names its rule. */
    public Optional<Refusal> decision(CaseState s, String deciderId, DecisionKind decision, LawfulBasis lawfulBasis) {
        if (s.status() == CaseStatus.CLOSED) return Refusal.conflict("R-PROC-2", "the case is closed");
        if (s.decision() != null)
            return Refusal.conflict("R-PROC-2", "the case is already decided (" + s.decision() + ")");
        if (s.raisedBy().equals(deciderId)) {
            return Refusal.conflict("R-PROC-2", "the decision is a manager's other than the one who raised the case");
        }
        if (decision == DecisionKind.REJECTED) return Optional.empty();
        if (s.outcome() == Outcome.NOT_JUSTIFIED) {
            return Refusal.conflict(
                    s.decidingRule(),
                    "the outcome is NOT_JUSTIFIED under " + s.decidingRule()
                            + ": confidentiality must not be broken; seek consent instead");
        }
        if (lawfulBasis == null) return Refusal.invalid("R-PROC-2", "lawfulBasis", "is required when APPROVED");
        if (s.involvements().isEmpty()) {
            return Refusal.conflict(
                    "R-PROC-1", "record the client's involvement (or why they were not told) before approval");
        }
        if (refusedWithoutOverride(s)) {
            return Refusal.conflict(
                    "R-PROC-4",
                    "the client refused; without serious risk to life (R-BRK-3) or a third party at "
                            + "risk (R-BRK-4) no further action is taken");
        }
        if (s.policy().requireConsultation() && s.consultations().isEmpty()) {
            return Refusal.conflict("R-PROC-2", "the organisation's policy requires a consultation before approval");
        }
        for (String org : s.policy().partnerApprovalOrgs()) {
            boolean supported = s.consultations().stream()
                    .anyMatch(c -> c.role() == ConsultedRole.PARTNER_REPRESENTATIVE
                            && org.equals(c.orgId())
                            && c.advice() == Advice.SUPPORT);
            if (!supported) {
                return Refusal.conflict(
                        "R-REF-2", "no representative of partner organisation " + org + " has supported the decision");
            }
        }
        return Optional.empty();
    }

    /**
     * R-PROC-3 (the right recipient, the minimum necessary), R-PROC-2 (approval first, or the emergency path), R-CONF-1
     * (nothing after a rejection). The service re-checks consent before a share that rests on it.
     */
    public Optional<Refusal> share(CaseState s, RecipientType recipient, Set<Category> categories, boolean emergency) {
        if (s.status() == CaseStatus.CLOSED || s.followedUp()) {
            return Refusal.conflict(
                    "R-PROC-3",
                    "the case is " + (s.status() == CaseStatus.CLOSED ? "closed" : "followed up")
                            + "; nothing more is shared under it");
        }
        if (s.decision() == DecisionKind.REJECTED) return Refusal.conflict("R-CONF-1", "the disclosure was rejected");
        if (!s.proposedRecipients().contains(recipient)) {
            return Refusal.invalid(
                    "R-PROC-3", "recipientType", "only a recipient proposed in the case: " + s.proposedRecipients());
        }
        if (!s.categories().containsAll(categories)) {
            return Refusal.invalid(
                    "R-PROC-3", "categories", "the minimum necessary: only categories of the case " + s.categories());
        }
        if (s.decision() == DecisionKind.APPROVED || s.outcome() == Outcome.CONSENTED) return Optional.empty();
        if (emergency) {
            if (emergencyOpen(s)) return Optional.empty();
            return Refusal.conflict(
                    "R-PROC-2",
                    "the emergency path is open only when the outcome is REQUIRED, or the danger "
                            + "IMMEDIATE and the policy allows emergencies before approval (outcome " + s.outcome()
                            + ", immediacy "
                            + s.immediacy() + ")");
        }
        return Refusal.conflict("R-PROC-2", "a share needs a manager's approval first (outcome " + s.outcome() + ")");
    }

    /** Whether a share about to be made goes on the emergency path (before any decision). */
    public boolean isEmergencyShare(CaseState s, boolean emergency) {
        return emergency && s.decision() == null && s.outcome() != Outcome.CONSENTED;
    }

    public boolean emergencyOpen(CaseState s) {
        return s.outcome() != Outcome.CONSENTED && emergencyRule.open(s.outcome(), s.immediacy(), s.policy());
    }

    /**
     * R-PROC-1: continuing support offered and the client told; once, after a decision or a share. A client not told of
     * the outcome is the rule's exception, so its reason is required.
     */
    public Optional<Refusal> followUp(CaseState s, boolean clientInformedOfOutcome, String note) {
        if (s.status() == CaseStatus.CLOSED) return Refusal.conflict("R-PROC-1", "the case is closed");
        if (s.followedUp()) return Refusal.conflict("R-PROC-1", "the follow-up is already recorded");
        if (s.status() == CaseStatus.RAISED) {
            return Refusal.conflict("R-PROC-2", "nothing is decided or shared yet: follow-up comes after");
        }
        if (!clientInformedOfOutcome && blank(note)) {
            return Refusal.invalid("R-PROC-1", "note", "why the client was not told of the outcome is required");
        }
        return Optional.empty();
    }

    /** R-PROC-1 (follow-up recorded), R-PROC-2 (every emergency share has a retrospective decision). */
    public Optional<Refusal> close(CaseState s) {
        if (s.status() == CaseStatus.CLOSED) return Refusal.conflict("R-PROC-1", "the case is already closed");
        if (!s.followedUp())
            return Refusal.conflict("R-PROC-1", "record the follow-up (support offered, client told) first");
        if (s.decision() == null && s.shares().stream().anyMatch(Share::emergency)) {
            return Refusal.conflict("R-PROC-2", "an emergency share has no retrospective decision yet");
        }
        return Optional.empty();
    }

    /** The status after a decision: a retrospective one leaves a disclosed or followed-up case where it is. */
    public CaseStatus afterDecision(CaseState s, DecisionKind decision) {
        if (s.status() != CaseStatus.RAISED) return s.status();
        return decision == DecisionKind.APPROVED ? CaseStatus.APPROVED : CaseStatus.REJECTED;
    }

    /** R-PROC-4: a refusal stops a breach that rests only on the client's own, non-life-threatening, risk. */
    private static boolean refusedWithoutOverride(CaseState s) {
        InvolvementResponse last = s.involvements().getLast().response();
        if (last != InvolvementResponse.REFUSED && last != InvolvementResponse.LEFT_SESSION) return false;
        if (s.outcome() != Outcome.JUSTIFIED) return false;
        boolean selfOnly = SELF_REGARDING.containsAll(s.grounds());
        boolean lifeAtRisk = s.immediacy() == Immediacy.IMMEDIATE || s.immediacy() == Immediacy.SERIOUS;
        // A child at risk (R-BRK-4/10) or someone unable to decide (R-BRK-8) is not bound by their own refusal.
        boolean override = Set.of("R-BRK-4", "R-BRK-10", "R-BRK-8").contains(s.decidingRule());
        return selfOnly && !lifeAtRisk && !override;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
