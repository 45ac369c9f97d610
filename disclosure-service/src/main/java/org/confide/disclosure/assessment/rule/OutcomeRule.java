package org.confide.disclosure.assessment.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.rule.Assessment.RequiredStep;
import org.confide.events.codes.RecipientType;

/**
 * The outcome of a concern (docs/domain.md outcome table): each ground gives a finding; the strongest wins
 * (REQUIRED > JUSTIFIED > NOT_JUSTIFIED); CONSENTED applies only when every proposed recipient is covered by consent.
 */
public final class OutcomeRule {

    private final GroundsRule groundsRule = new GroundsRule();
    private final AgeCapacityRule ageRule = new AgeCapacityRule();
    private final EmergencyRule emergencyRule = new EmergencyRule();
    private final PolicyRule policyRule = new PolicyRule();
    private final ChosenContactRule contactRule = new ChosenContactRule();
    private final ChildFactorsRule childFactors = new ChildFactorsRule();
    private final SubstanceUseRule substanceRule = new SubstanceUseRule();

    public Assessment assess(Concern concern, Policy policy, List<RecipientConsent> recipients) {
        if (concern.grounds().isEmpty()) throw new IllegalArgumentException("a concern has at least one ground");
        List<Finding> findings = concern.grounds().stream()
                .distinct()
                .map(g -> groundsRule.assess(g, concern, policy))
                .toList();
        Outcome grounds = strongest(findings);
        List<Finding> deciding =
                findings.stream().filter(f -> f.outcome() == grounds).toList();
        Set<String> rules = new LinkedHashSet<>();
        deciding.forEach(f -> rules.addAll(f.rules()));

        boolean checked = recipients.stream().allMatch(RecipientConsent::checked);
        // R-CONF-1, R-CONS-1: not a breach when every recipient is covered by the client's consent.
        boolean consented = !recipients.isEmpty() && recipients.stream().allMatch(RecipientConsent::consented);
        Outcome outcome = consented ? Outcome.CONSENTED : grounds;
        List<String> cited = new ArrayList<>();
        if (consented) {
            cited.add("R-CONS-1");
            cited.add("R-CONF-1");
        } else {
            cited.addAll(rules);
        }
        boolean emergency = !consented && emergencyRule.open(grounds, concern.immediacy(), policy);
        return new Assessment(
                outcome,
                grounds,
                cited.getFirst(),
                List.copyOf(cited),
                findings,
                List.copyOf(recipients),
                checked,
                emergency,
                steps(outcome, emergency, concern, policy, checked, recipients));
    }

    static Outcome strongest(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.REQUIRED)) return Outcome.REQUIRED;
        if (findings.stream().anyMatch(f -> f.outcome() == Outcome.JUSTIFIED)) return Outcome.JUSTIFIED;
        return Outcome.NOT_JUSTIFIED;
    }

    private List<RequiredStep> steps(
            Outcome outcome,
            boolean emergency,
            Concern concern,
            Policy policy,
            boolean checked,
            List<RecipientConsent> recipients) {
        List<RequiredStep> steps = new ArrayList<>();
        if (!checked) {
            steps.add(step(
                    "CHECK_CONSENT", "R-CONF-1", "consent could not be checked: it counts as not given until it is"));
        }
        if (ageRule.gillickAssessmentNeeded(concern)) {
            steps.add(step(
                    "ASSESS_GILLICK_COMPETENCE",
                    "R-CONS-5",
                    "a client under 16: assess whether they can make this decision (Gillick competence)"));
        }
        List<RecipientType> proposed =
                recipients.stream().map(RecipientConsent::type).toList();
        // R-BRK-2, R-BRK-4, R-BRK-13: what is still to be asked, recorded or involved for this concern.
        steps.addAll(contactRule.steps(concern, proposed));
        steps.addAll(childFactors.steps(concern));
        steps.addAll(substanceRule.steps(concern, proposed));
        switch (outcome) {
            case NOT_JUSTIFIED ->
                steps.add(step(
                        "SEEK_CONSENT", "R-CONF-1", "do not break confidentiality: seek the client's consent instead"));
            case CONSENTED -> {
                steps.add(step(
                        "SHARE_MINIMUM_NECESSARY",
                        "R-PROC-3",
                        "share only what the consent covers, securely, and record it"));
                steps.add(step("FOLLOW_UP", "R-PROC-1", "offer continuing support and tell the client the outcome"));
            }
            case REQUIRED, JUSTIFIED -> {
                if (emergency) {
                    steps.add(step(
                            "EMERGENCY_SHARE_THEN_REVIEW",
                            "R-PROC-2",
                            "in an emergency share first; a manager's retrospective decision is then required"));
                }
                steps.add(step(
                        "INVOLVE_CLIENT",
                        "R-PROC-1",
                        "tell the client and record their response, or record why they were not told"));
                if (policyRule.consultationRequired(policy)) {
                    steps.add(
                            step("CONSULT", "R-PROC-2", "discuss the decision with a professional worker or manager"));
                }
                for (String org : policyRule.partnersWhoseSupportIsRequired(policy)) {
                    steps.add(step(
                            "PARTNER_SUPPORT:" + org,
                            "R-REF-2",
                            "a representative of " + org + " must support the decision"));
                }
                steps.add(step(
                        "MANAGER_DECISION",
                        "R-PROC-2",
                        "a manager other than the raiser approves or rejects, with a lawful basis"));
                steps.add(step(
                        "SHARE_MINIMUM_NECESSARY",
                        "R-PROC-3",
                        "share the minimum necessary with the right recipient, securely"));
                steps.add(step("FOLLOW_UP", "R-PROC-1", "offer continuing support and tell the client the outcome"));
            }
        }
        return List.copyOf(steps);
    }

    private static RequiredStep step(String code, String rule, String text) {
        return new RequiredStep(code, rule, text);
    }
}
