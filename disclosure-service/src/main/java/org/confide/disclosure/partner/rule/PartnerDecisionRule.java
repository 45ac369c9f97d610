package org.confide.disclosure.partner.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.partner.PartnerDecisionKind;
import org.confide.disclosure.partner.PartnerDecisionStatus;

/**
 * R-REF-2 beyond disclosures (seed 002 "Permission Policy"): one person may not take a major decision alone; a press
 * release, inviting a new supporting organisation or anything that could cause distrust between the partners takes
 * effect only once a representative of each supporting organisation (the policy's partnerApprovalOrgs) supports it. An
 * organisation's latest answer counts, so an opposition can later turn into support and the other way round.
 */
public final class PartnerDecisionRule {

    public static final String RULE = "R-REF-2";

    /** One answer, oldest first. */
    public record Answer(String org, Advice advice) {}

    /** A refusal: 409 for the decision's state, 422 for a field. */
    public record Refusal(int status, String field, String message) {}

    /** A new decision: inviting an organisation names it. */
    public Optional<Refusal> proposal(PartnerDecisionKind kind, String invitedOrg) {
        if (kind == PartnerDecisionKind.INVITE_SUPPORTING_ORG && blank(invitedOrg)) {
            return Optional.of(new Refusal(422, "invitedOrg", "inviting a new supporting organisation names it"));
        }
        if (kind != PartnerDecisionKind.INVITE_SUPPORTING_ORG && !blank(invitedOrg)) {
            return Optional.of(new Refusal(
                    422, "invitedOrg", "only a decision of kind INVITE_SUPPORTING_ORG names an invited organisation"));
        }
        return Optional.empty();
    }

    /**
     * An answer for {@code org}: a partner answers for its own organisation, a manager records a representative's answer on
     * their behalf and names the organisation; either way it must be one whose support is required, before it takes effect.
     */
    public Optional<Refusal> answer(PartnerDecisionStatus status, List<String> required, String org) {
        if (status == PartnerDecisionStatus.IN_EFFECT) {
            return Optional.of(new Refusal(409, null, "the decision has already taken effect"));
        }
        if (blank(org))
            return Optional.of(new Refusal(422, "orgId", "name the supporting organisation the answer is for"));
        if (!required.contains(org)) {
            return Optional.of(
                    new Refusal(422, "orgId", "not an organisation whose support this decision needs: " + required));
        }
        return Optional.empty();
    }

    /** The required organisations whose latest answer is not SUPPORT, in the policy's order. */
    public List<String> missing(List<String> required, List<Answer> answers) {
        Map<String, Advice> latest = new LinkedHashMap<>();
        for (Answer a : answers) latest.put(a.org(), a.advice());
        return required.stream().filter(o -> latest.get(o) != Advice.SUPPORT).toList();
    }

    /** Taking effect: only once every required organisation supports it (409 R-REF-2 before), and only once. */
    public Optional<Refusal> takeEffect(PartnerDecisionStatus status, List<String> required, List<Answer> answers) {
        if (status == PartnerDecisionStatus.IN_EFFECT) {
            return Optional.of(new Refusal(409, null, "the decision has already taken effect"));
        }
        List<String> missing = missing(required, answers);
        if (!missing.isEmpty()) {
            return Optional.of(
                    new Refusal(409, null, "no representative of " + missing + " has supported the decision yet"));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
