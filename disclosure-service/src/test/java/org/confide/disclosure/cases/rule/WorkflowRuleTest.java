package org.confide.disclosure.cases.rule;

import static org.confide.events.codes.Category.CASE_NOTES;
import static org.confide.events.codes.Category.RISK_INFORMATION;
import static org.confide.events.codes.RecipientType.GP;
import static org.confide.events.codes.RecipientType.POLICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.rule.Policy;
import org.confide.disclosure.cases.Advice;
import org.confide.disclosure.cases.CaseStatus;
import org.confide.disclosure.cases.ConsultedRole;
import org.confide.disclosure.cases.DecisionKind;
import org.confide.disclosure.cases.InvolvementResponse;
import org.confide.disclosure.cases.LawfulBasis;
import org.confide.disclosure.cases.rule.WorkflowRule.CaseState;
import org.confide.disclosure.cases.rule.WorkflowRule.Consultation;
import org.confide.disclosure.cases.rule.WorkflowRule.Involvement;
import org.confide.disclosure.cases.rule.WorkflowRule.Refusal;
import org.confide.disclosure.cases.rule.WorkflowRule.Share;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowRuleTest {

    private static final WorkflowRule RULE = new WorkflowRule();
    private static final Involvement TOLD = new Involvement(true, InvolvementResponse.AGREED);
    private static final Consultation MANAGER_SUPPORTS = new Consultation(ConsultedRole.MANAGER, null, Advice.SUPPORT);

    /** A JUSTIFIED case, raised by p1, client told and a manager consulted: ready for approval. */
    static CaseState ready() {
        return new CaseState(
                CaseStatus.RAISED,
                Outcome.JUSTIFIED,
                "R-BRK-5",
                Immediacy.SERIOUS,
                List.of(Ground.SERIOUS_CRIME),
                Policy.DEFAULT,
                "p1",
                List.of(GP, POLICE),
                Set.of(RISK_INFORMATION),
                List.of(TOLD),
                List.of(MANAGER_SUPPORTS),
                null,
                List.of(),
                false);
    }

    static CaseState with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(ready())).build();
    }

    /** A mutable copy of a state, for the table. */
    static final class Builder {
        CaseStatus status;
        Outcome outcome;
        String rule;
        Immediacy immediacy;
        List<Ground> grounds;
        Policy policy;
        List<Involvement> involvements;
        List<Consultation> consultations;
        DecisionKind decision;
        List<Share> shares;
        boolean followedUp;
        final CaseState base;

        Builder(CaseState s) {
            base = s;
            status = s.status();
            outcome = s.outcome();
            rule = s.decidingRule();
            immediacy = s.immediacy();
            grounds = s.grounds();
            policy = s.policy();
            involvements = s.involvements();
            consultations = s.consultations();
            decision = s.decision();
            shares = s.shares();
            followedUp = s.followedUp();
        }

        Builder status(CaseStatus v) {
            status = v;
            return this;
        }

        Builder outcome(Outcome v, String r) {
            outcome = v;
            rule = r;
            return this;
        }

        Builder immediacy(Immediacy v) {
            immediacy = v;
            return this;
        }

        Builder grounds(Ground... v) {
            grounds = List.of(v);
            return this;
        }

        Builder policy(Policy v) {
            policy = v;
            return this;
        }

        Builder involvements(Involvement... v) {
            involvements = List.of(v);
            return this;
        }

        Builder consultations(Consultation... v) {
            consultations = List.of(v);
            return this;
        }

        Builder decision(DecisionKind v) {
            decision = v;
            return this;
        }

        Builder shares(Share... v) {
            shares = List.of(v);
            return this;
        }

        Builder followedUp() {
            followedUp = true;
            return this;
        }

        CaseState build() {
            return new CaseState(
                    status,
                    outcome,
                    rule,
                    immediacy,
                    grounds,
                    policy,
                    base.raisedBy(),
                    base.proposedRecipients(),
                    base.categories(),
                    involvements,
                    consultations,
                    decision,
                    shares,
                    followedUp);
        }
    }

    /** One refusal of the workflow: the step tried on a state, and the status and rule it must answer with. */
    record Row(String why, Function<WorkflowRule, Optional<Refusal>> step, int status, String rule) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Row row(String why, int status, String rule, Function<WorkflowRule, Optional<Refusal>> step) {
        return new Row(why, step, status, rule);
    }

    static Stream<Row> refusals() {
        Policy partners = new Policy(false, true, List.of("org-partner"), true);
        Policy noEmergency = new Policy(false, true, List.of(), false);
        return Stream.of(
                // client involvement
                row(
                        "R-PROC-1: involvement on a closed case",
                        409,
                        "R-PROC-1",
                        r -> r.involvement(
                                with(b -> b.status(CaseStatus.CLOSED)), true, InvolvementResponse.AGREED, null)),
                row(
                        "R-PROC-1: not told, and no reason why",
                        422,
                        "R-PROC-1",
                        r -> r.involvement(ready(), false, InvolvementResponse.UNABLE, " ")),
                row(
                        "R-PROC-1: NOT_INFORMED_RISK needs its reason",
                        422,
                        "R-PROC-1",
                        r -> r.involvement(ready(), false, InvolvementResponse.NOT_INFORMED_RISK, null)),
                row(
                        "R-PROC-1: informed yet NOT_INFORMED_RISK",
                        422,
                        "R-PROC-1",
                        r -> r.involvement(ready(), true, InvolvementResponse.NOT_INFORMED_RISK, "x")),
                row(
                        "R-PROC-1: not informed yet AGREED",
                        422,
                        "R-PROC-1",
                        r -> r.involvement(ready(), false, InvolvementResponse.AGREED, "x")),
                // consultations
                row(
                        "R-PROC-2: consultation on a closed case",
                        409,
                        "R-PROC-2",
                        r -> r.consultation(with(b -> b.status(CaseStatus.CLOSED)), ConsultedRole.MANAGER, null)),
                row(
                        "R-PROC-2: consultation after the decision",
                        409,
                        "R-PROC-2",
                        r -> r.consultation(
                                with(b -> b.decision(DecisionKind.APPROVED).status(CaseStatus.APPROVED)),
                                ConsultedRole.MANAGER,
                                null)),
                row(
                        "R-REF-2: partner representative without organisation",
                        422,
                        "R-REF-2",
                        r -> r.consultation(ready(), ConsultedRole.PARTNER_REPRESENTATIVE, null)),
                // decision
                row(
                        "R-PROC-2: decision by the raiser",
                        409,
                        "R-PROC-2",
                        r -> r.decision(ready(), "p1", DecisionKind.APPROVED, LawfulBasis.SAFEGUARDING)),
                row(
                        "R-PROC-2: a rejection by the raiser too",
                        409,
                        "R-PROC-2",
                        r -> r.decision(ready(), "p1", DecisionKind.REJECTED, null)),
                row(
                        "R-PROC-2: decided twice",
                        409,
                        "R-PROC-2",
                        r -> r.decision(
                                with(b -> b.decision(DecisionKind.REJECTED).status(CaseStatus.REJECTED)),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)),
                row(
                        "R-PROC-2: decision on a closed case",
                        409,
                        "R-PROC-2",
                        r -> r.decision(
                                with(b -> b.status(CaseStatus.CLOSED)),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)),
                row(
                        "R-BRK-7: approving NOT_JUSTIFIED names the rule that made it so",
                        409,
                        "R-BRK-7",
                        r -> r.decision(
                                with(b -> b.outcome(Outcome.NOT_JUSTIFIED, "R-BRK-7")
                                        .grounds(Ground.PSYCHOLOGICAL_DISTRESS)),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)),
                row(
                        "R-BRK-6: approving a policy-refused chronic risk to self names R-BRK-6",
                        409,
                        "R-BRK-6",
                        r -> r.decision(
                                with(b -> b.outcome(Outcome.NOT_JUSTIFIED, "R-BRK-6")
                                        .grounds(Ground.RISK_TO_SELF)),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.VITAL_INTERESTS)),
                row(
                        "R-PROC-2: approval without a lawful basis",
                        422,
                        "R-PROC-2",
                        r -> r.decision(ready(), "m1", DecisionKind.APPROVED, null)),
                row(
                        "R-PROC-1: approval before the client's involvement is recorded",
                        409,
                        "R-PROC-1",
                        r -> r.decision(
                                with(b -> b.involvements()), "m1", DecisionKind.APPROVED, LawfulBasis.SAFEGUARDING)),
                row(
                        "R-PROC-4: the client refused and the risk is their own, chronic",
                        409,
                        "R-PROC-4",
                        r -> r.decision(
                                with(b -> b.grounds(Ground.RISK_TO_SELF)
                                        .outcome(Outcome.JUSTIFIED, "R-BRK-6")
                                        .immediacy(Immediacy.CHRONIC)
                                        .involvements(new Involvement(true, InvolvementResponse.REFUSED))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.VITAL_INTERESTS)),
                row(
                        "R-PROC-4: the client left the session, chronic risk to self",
                        409,
                        "R-PROC-4",
                        r -> r.decision(
                                with(b -> b.grounds(Ground.RISK_TO_SELF)
                                        .outcome(Outcome.JUSTIFIED, "R-BRK-6")
                                        .immediacy(Immediacy.CHRONIC)
                                        .involvements(new Involvement(true, InvolvementResponse.LEFT_SESSION))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.VITAL_INTERESTS)),
                row(
                        "R-PROC-2: the policy requires a consultation and there is none",
                        409,
                        "R-PROC-2",
                        r -> r.decision(
                                with(b -> b.consultations()), "m1", DecisionKind.APPROVED, LawfulBasis.SAFEGUARDING)),
                row(
                        "R-REF-2: a partner of the policy has not been consulted",
                        409,
                        "R-REF-2",
                        r -> r.decision(
                                with(b -> b.policy(partners)), "m1", DecisionKind.APPROVED, LawfulBasis.SAFEGUARDING)),
                row(
                        "R-REF-2: the partner's representative opposed",
                        409,
                        "R-REF-2",
                        r -> r.decision(
                                with(b -> b.policy(partners)
                                        .consultations(
                                                MANAGER_SUPPORTS,
                                                new Consultation(
                                                        ConsultedRole.PARTNER_REPRESENTATIVE,
                                                        "org-partner",
                                                        Advice.OPPOSE))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)),
                row(
                        "R-REF-2: another organisation's support does not count",
                        409,
                        "R-REF-2",
                        r -> r.decision(
                                with(b -> b.policy(partners)
                                        .consultations(
                                                MANAGER_SUPPORTS,
                                                new Consultation(
                                                        ConsultedRole.PARTNER_REPRESENTATIVE,
                                                        "org-other",
                                                        Advice.SUPPORT))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)),
                // shares
                row(
                        "R-PROC-2: a share before approval",
                        409,
                        "R-PROC-2",
                        r -> r.share(ready(), GP, Set.of(RISK_INFORMATION), false)),
                row(
                        "R-PROC-2: emergency share for JUSTIFIED but not IMMEDIATE",
                        409,
                        "R-PROC-2",
                        r -> r.share(ready(), GP, Set.of(RISK_INFORMATION), true)),
                row(
                        "R-PROC-2: emergency share, IMMEDIATE, where the policy forbids emergencies before approval",
                        409,
                        "R-PROC-2",
                        r -> r.share(
                                with(b -> b.immediacy(Immediacy.IMMEDIATE).policy(noEmergency)),
                                GP,
                                Set.of(RISK_INFORMATION),
                                true)),
                row(
                        "R-PROC-2: no emergency path for NOT_JUSTIFIED, even IMMEDIATE",
                        409,
                        "R-PROC-2",
                        r -> r.share(
                                with(b -> b.immediacy(Immediacy.IMMEDIATE).outcome(Outcome.NOT_JUSTIFIED, "R-BRK-7")),
                                GP,
                                Set.of(RISK_INFORMATION),
                                true)),
                row(
                        "R-CONF-1: a share after rejection",
                        409,
                        "R-CONF-1",
                        r -> r.share(
                                with(b -> b.decision(DecisionKind.REJECTED).status(CaseStatus.REJECTED)),
                                GP,
                                Set.of(RISK_INFORMATION),
                                false)),
                row(
                        "R-PROC-3: a share after follow-up",
                        409,
                        "R-PROC-3",
                        r -> r.share(
                                with(b -> b.decision(DecisionKind.APPROVED)
                                        .status(CaseStatus.FOLLOWED_UP)
                                        .followedUp()),
                                GP,
                                Set.of(RISK_INFORMATION),
                                false)),
                row(
                        "R-PROC-3: a share on a closed case",
                        409,
                        "R-PROC-3",
                        r -> r.share(
                                with(b -> b.decision(DecisionKind.APPROVED)
                                        .status(CaseStatus.CLOSED)
                                        .followedUp()),
                                GP,
                                Set.of(RISK_INFORMATION),
                                false)),
                row(
                        "R-PROC-3: a recipient not proposed",
                        422,
                        "R-PROC-3",
                        r -> r.share(
                                with(b -> b.decision(DecisionKind.APPROVED).status(CaseStatus.APPROVED)),
                                org.confide.events.codes.RecipientType.FAMILY,
                                Set.of(RISK_INFORMATION),
                                false)),
                row(
                        "R-PROC-3: more than the minimum necessary",
                        422,
                        "R-PROC-3",
                        r -> r.share(
                                with(b -> b.decision(DecisionKind.APPROVED).status(CaseStatus.APPROVED)),
                                GP,
                                Set.of(RISK_INFORMATION, CASE_NOTES),
                                false)),
                // follow-up and close
                row(
                        "R-PROC-2: follow-up before anything is decided or shared",
                        409,
                        "R-PROC-2",
                        r -> r.followUp(ready(), true, null)),
                row(
                        "R-PROC-1: follow-up twice",
                        409,
                        "R-PROC-1",
                        r -> r.followUp(
                                with(b -> b.decision(DecisionKind.APPROVED)
                                        .status(CaseStatus.FOLLOWED_UP)
                                        .followedUp()),
                                true,
                                null)),
                row(
                        "R-PROC-1: follow-up on a closed case",
                        409,
                        "R-PROC-1",
                        r -> r.followUp(with(b -> b.status(CaseStatus.CLOSED)), true, null)),
                row(
                        "R-PROC-1: client not told of the outcome, and no reason why",
                        422,
                        "R-PROC-1",
                        r -> r.followUp(
                                with(b -> b.decision(DecisionKind.REJECTED).status(CaseStatus.REJECTED)), false, " ")),
                row(
                        "R-PROC-1: closing before the follow-up",
                        409,
                        "R-PROC-1",
                        r -> r.close(with(b -> b.decision(DecisionKind.APPROVED)
                                .status(CaseStatus.DISCLOSED)
                                .shares(new Share(false))))),
                row(
                        "R-PROC-2: closing with an emergency share not yet decided",
                        409,
                        "R-PROC-2",
                        r -> r.close(with(b -> b.status(CaseStatus.FOLLOWED_UP)
                                .shares(new Share(true))
                                .followedUp()))),
                row(
                        "R-PROC-1: closing twice",
                        409,
                        "R-PROC-1",
                        r -> r.close(with(b -> b.decision(DecisionKind.APPROVED)
                                .status(CaseStatus.CLOSED)
                                .followedUp()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @DisplayName("every refusal of the workflow names its rule")
    void refusal(Row r) {
        Refusal refusal = r.step().apply(RULE).orElseThrow(() -> new AssertionError("not refused: " + r.why()));
        assertEquals(r.status(), refusal.status(), r.why());
        assertEquals(r.rule(), refusal.rule(), r.why());
        assertTrue(refusal.status() == 409 || refusal.field() != null, "a 422 names its field");
    }

    @Test
    @DisplayName("R-PROC-1..4, R-REF-2: what goes ahead")
    void allowed() {
        Policy partners = new Policy(false, true, List.of("org-partner"), true);
        assertTrue(RULE.involvement(
                        ready(), false, InvolvementResponse.NOT_INFORMED_RISK, "telling would tip off (terrorism)")
                .isEmpty());
        assertTrue(RULE.involvement(ready(), true, InvolvementResponse.REFUSED, null)
                .isEmpty());
        assertTrue(RULE.decision(ready(), "m1", DecisionKind.APPROVED, LawfulBasis.SAFEGUARDING)
                .isEmpty());
        assertTrue(
                RULE.decision(
                                with(b -> b.outcome(Outcome.NOT_JUSTIFIED, "R-BRK-7")
                                        .involvements()
                                        .consultations()),
                                "m1",
                                DecisionKind.REJECTED,
                                null)
                        .isEmpty(),
                "a rejection needs none of the approval's steps");
        assertTrue(
                RULE.decision(
                                with(b -> b.policy(new Policy(false, false, List.of(), true))
                                        .consultations()),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)
                        .isEmpty(),
                "no consultation when the policy does not require one");
        assertTrue(
                RULE.decision(
                                with(b -> b.policy(partners)
                                        .consultations(
                                                new Consultation(
                                                        ConsultedRole.PARTNER_REPRESENTATIVE,
                                                        "org-partner",
                                                        Advice.OPPOSE),
                                                new Consultation(
                                                        ConsultedRole.PARTNER_REPRESENTATIVE,
                                                        "org-partner",
                                                        Advice.SUPPORT))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)
                        .isEmpty(),
                "R-REF-2: at least one representative supports");
        assertTrue(
                RULE.decision(
                                with(b -> b.grounds(Ground.RISK_TO_SELF)
                                        .outcome(Outcome.JUSTIFIED, "R-BRK-2")
                                        .immediacy(Immediacy.SERIOUS)
                                        .involvements(new Involvement(true, InvolvementResponse.REFUSED))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.VITAL_INTERESTS)
                        .isEmpty(),
                "R-BRK-3: refused, but serious risk to life");
        assertTrue(
                RULE.decision(
                                with(b -> b.grounds(Ground.CHILD_PROTECTION)
                                        .outcome(Outcome.JUSTIFIED, "R-BRK-10")
                                        .immediacy(Immediacy.PAST)
                                        .involvements(new Involvement(true, InvolvementResponse.REFUSED))),
                                "m1",
                                DecisionKind.APPROVED,
                                LawfulBasis.SAFEGUARDING)
                        .isEmpty(),
                "R-BRK-4: a child's protection is not bound by the refusal");
        // emergency path: REQUIRED always; IMMEDIATE JUSTIFIED when the policy allows (the default)
        assertTrue(RULE.share(
                        with(b -> b.outcome(Outcome.REQUIRED, "R-BRK-1")
                                .policy(new Policy(false, true, List.of(), false))),
                        GP,
                        Set.of(RISK_INFORMATION),
                        true)
                .isEmpty());
        assertTrue(RULE.share(with(b -> b.immediacy(Immediacy.IMMEDIATE)), GP, Set.of(RISK_INFORMATION), true)
                .isEmpty());
        assertTrue(
                RULE.share(with(b -> b.outcome(Outcome.CONSENTED, "R-CONS-1")), GP, Set.of(RISK_INFORMATION), false)
                        .isEmpty(),
                "CONSENTED shares without approval");
        assertTrue(RULE.followUp(with(b -> b.status(CaseStatus.DISCLOSED).shares(new Share(true))), true, null)
                .isEmpty());
        assertTrue(RULE.followUp(with(b -> b.status(CaseStatus.REJECTED)), false, "telling them would raise the risk")
                .isEmpty());
        assertTrue(
                RULE.close(with(b -> b.status(CaseStatus.FOLLOWED_UP)
                                .decision(DecisionKind.APPROVED)
                                .shares(new Share(true))
                                .followedUp()))
                        .isEmpty(),
                "closes once the emergency share has its retrospective decision");
        assertEquals(
                CaseStatus.DISCLOSED,
                RULE.afterDecision(with(b -> b.status(CaseStatus.DISCLOSED)), DecisionKind.APPROVED));
        assertEquals(CaseStatus.REJECTED, RULE.afterDecision(ready(), DecisionKind.REJECTED));
    }
}
