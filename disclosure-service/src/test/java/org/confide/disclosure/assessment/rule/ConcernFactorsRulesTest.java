package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Ground.CHILD_PROTECTION;
import static org.confide.disclosure.assessment.Ground.HARM_TO_PUBLIC;
import static org.confide.disclosure.assessment.Ground.PARENTAL_SUBSTANCE_USE;
import static org.confide.disclosure.assessment.Ground.PSYCHOLOGICAL_DISTRESS;
import static org.confide.disclosure.assessment.Ground.RISK_TO_OTHERS;
import static org.confide.disclosure.assessment.Ground.RISK_TO_SELF;
import static org.confide.disclosure.assessment.Ground.VULNERABLE_ADULT;
import static org.confide.disclosure.assessment.Immediacy.CHRONIC;
import static org.confide.disclosure.assessment.Immediacy.IMMEDIATE;
import static org.confide.disclosure.assessment.Immediacy.PAST;
import static org.confide.disclosure.assessment.Immediacy.SERIOUS;
import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.REQUIRED;
import static org.confide.events.codes.RecipientType.CHILDRENS_SOCIAL_CARE;
import static org.confide.events.codes.RecipientType.EMERGENCY_SERVICES;
import static org.confide.events.codes.RecipientType.GP;
import static org.confide.events.codes.RecipientType.POLICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.confide.disclosure.assessment.AbuseTiming;
import org.confide.disclosure.assessment.AbuserRelationship;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.disclosure.assessment.SubstanceUse;
import org.confide.events.codes.RecipientType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 18: the rules of docs/domain.md that a concern's own factors decide (R-BRK-12, R-BRK-13, R-BRK-2, R-BRK-4). */
class ConcernFactorsRulesTest {

    private static final OutcomeRule OUTCOME = new OutcomeRule();

    static SubstanceUse substance(Boolean riskFound) {
        return new SubstanceUse(
                SubstanceUse.Substance.ALCOHOL,
                SubstanceUse.Amount.DAILY,
                List.of(SubstanceUse.ProtectiveFactor.FAMILY_SUPPORT),
                SubstanceUse.MentalHealth.CONCERN,
                List.of(SubstanceUse.Behaviour.NEGLECTS_CARE),
                List.of(3, 7),
                riskFound);
    }

    static Concern concern(
            List<Ground> grounds,
            Immediacy immediacy,
            RecipientType chosen,
            AbuserRelationship rel,
            AbuseTiming timing,
            SubstanceUse use) {
        return new Concern(grounds, immediacy, null, null, chosen, rel, timing, use);
    }

    static List<RecipientConsent> recipients(RecipientType... types) {
        return Stream.of(types)
                .map(t -> new RecipientConsent(t, null, false, true))
                .toList();
    }

    /** One row: the concern, its proposed recipients, the outcome and deciding rule, and the steps a rule adds. */
    record Row(
            String why,
            Concern concern,
            List<RecipientConsent> recipients,
            Outcome outcome,
            String rule,
            List<String> steps) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Row row(String why, Concern c, List<RecipientConsent> r, Outcome outcome, String rule, String... steps) {
        return new Row(why, c, r, outcome, rule, List.of(steps));
    }

    /** The codes of the steps the rules of this issue add (the others are the workflow's own). */
    private static final List<String> FACTOR_STEPS = List.of(
            "ASK_WHOM_TO_CONTACT",
            "CONTACT_WHOM_THEY_ASKED_FOR",
            "RECORD_CHILD_FACTORS",
            "ASSESS_RISK_FACTORS",
            "INVOLVE_GP_AND_FAMILY_SERVICES");

    static void check(Row r) {
        Assessment a = OUTCOME.assess(r.concern(), Policy.DEFAULT, r.recipients());
        assertEquals(r.outcome(), a.outcome(), r.why());
        assertEquals(r.rule(), a.decidingRule(), r.why());
        assertEquals(
                r.steps(),
                a.requiredSteps().stream()
                        .map(Assessment.RequiredStep::code)
                        .filter(FACTOR_STEPS::contains)
                        .toList(),
                r.why());
    }

    @Nested
    @DisplayName(
            "R-BRK-12: serious harm includes harm to the public (a car accident, the spread of serious disease), acute or chronic")
    class PublicHarm {

        static Stream<Row> table() {
            return Stream.of(
                    row(
                            "R-BRK-12: an immediate risk to the public is JUSTIFIED",
                            concern(List.of(HARM_TO_PUBLIC), IMMEDIATE, null, null, null, null),
                            recipients(POLICE),
                            JUSTIFIED,
                            "R-BRK-12"),
                    row(
                            "R-BRK-12: a serious (acute) risk to the public is JUSTIFIED",
                            concern(List.of(HARM_TO_PUBLIC), SERIOUS, null, null, null, null),
                            recipients(GP),
                            JUSTIFIED,
                            "R-BRK-12"),
                    row(
                            "R-BRK-12: a chronic risk to the public is JUSTIFIED too",
                            concern(List.of(HARM_TO_PUBLIC), CHRONIC, null, null, null, null),
                            recipients(GP),
                            JUSTIFIED,
                            "R-BRK-12"),
                    row(
                            "R-BRK-12: a risk that is over is no harm to prevent: NOT_JUSTIFIED",
                            concern(List.of(HARM_TO_PUBLIC), PAST, null, null, null, null),
                            recipients(GP),
                            NOT_JUSTIFIED,
                            "R-BRK-12"),
                    row(
                            "R-BRK-12 beats distress alone (R-BRK-7)",
                            concern(List.of(PSYCHOLOGICAL_DISTRESS, HARM_TO_PUBLIC), CHRONIC, null, null, null, null),
                            recipients(GP),
                            JUSTIFIED,
                            "R-BRK-12"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("table")
        void outcome(Row r) {
            check(r);
        }
    }

    @Nested
    @DisplayName(
            "R-BRK-13: a parent's substance use is assessed by its risk factors; only a risk found brings in R-BRK-4, with the GP and family services")
    class SubstanceUseCases {

        static Stream<Row> table() {
            List<Ground> g = List.of(PARENTAL_SUBSTANCE_USE);
            return Stream.of(
                    row(
                            "R-BRK-13: not assessed yet: not a child-protection case; assess the factors",
                            concern(g, SERIOUS, null, null, null, null),
                            recipients(GP),
                            NOT_JUSTIFIED,
                            "R-BRK-13",
                            "ASSESS_RISK_FACTORS"),
                    row(
                            "R-BRK-13: assessed, no risk to a child found: NOT_JUSTIFIED",
                            concern(g, IMMEDIATE, null, null, null, substance(false)),
                            recipients(GP, CHILDRENS_SOCIAL_CARE),
                            NOT_JUSTIFIED,
                            "R-BRK-13"),
                    row(
                            "R-BRK-13: assessed, finding not recorded: NOT_JUSTIFIED",
                            concern(g, SERIOUS, null, null, null, substance(null)),
                            recipients(GP),
                            NOT_JUSTIFIED,
                            "R-BRK-13"),
                    row(
                            "R-BRK-13 then R-BRK-4: a risk found and a child in immediate danger is REQUIRED",
                            concern(g, IMMEDIATE, null, null, null, substance(true)),
                            recipients(GP, CHILDRENS_SOCIAL_CARE),
                            REQUIRED,
                            "R-BRK-4"),
                    row(
                            "R-BRK-13 then R-BRK-4: a risk found, serious: REQUIRED; GP and family services to involve",
                            concern(g, SERIOUS, null, null, null, substance(true)),
                            recipients(POLICE),
                            REQUIRED,
                            "R-BRK-4",
                            "INVOLVE_GP_AND_FAMILY_SERVICES"),
                    row(
                            "R-BRK-13 then R-BRK-4: a chronic risk found is JUSTIFIED",
                            concern(g, CHRONIC, null, null, null, substance(true)),
                            recipients(GP, CHILDRENS_SOCIAL_CARE),
                            JUSTIFIED,
                            "R-BRK-4"),
                    row(
                            "R-BRK-13: family services alone are not enough: the GP too",
                            concern(g, CHRONIC, null, null, null, substance(true)),
                            recipients(CHILDRENS_SOCIAL_CARE),
                            JUSTIFIED,
                            "R-BRK-4",
                            "INVOLVE_GP_AND_FAMILY_SERVICES"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("table")
        void outcome(Row r) {
            check(r);
        }

        static Stream<Object[]> invalid() {
            List<Ground> g = List.of(PARENTAL_SUBSTANCE_USE);
            SubstanceUse noAges = new SubstanceUse(null, null, null, null, null, List.of(), true);
            return Stream.of(
                    new Object[] {
                        "R-BRK-13: factors without the ground",
                        concern(List.of(RISK_TO_SELF), SERIOUS, null, null, null, substance(true)),
                        false,
                        "substanceUse"
                    },
                    new Object[] {
                        "R-BRK-13: a dry run may come before the assessment",
                        concern(g, SERIOUS, null, null, null, null),
                        false,
                        null
                    },
                    new Object[] {
                        "R-BRK-13: a case records the factors",
                        concern(g, SERIOUS, null, null, null, null),
                        true,
                        "substanceUse"
                    },
                    new Object[] {
                        "R-BRK-13: a case records the children's ages",
                        concern(g, SERIOUS, null, null, null, noAges),
                        true,
                        "substanceUse.childrenAges"
                    },
                    new Object[] {
                        "R-BRK-13: a case records the finding",
                        concern(g, SERIOUS, null, null, null, substance(null)),
                        true,
                        "substanceUse.riskToChildFound"
                    },
                    new Object[] {
                        "R-BRK-13: a complete assessment",
                        concern(g, SERIOUS, null, null, null, substance(false)),
                        true,
                        null
                    });
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalid")
        void fields(String why, Concern c, boolean raising, String field) {
            Optional<SubstanceUseRule.Invalid> refused = new SubstanceUseRule().invalid(c, raising);
            assertEquals(Optional.ofNullable(field), refused.map(SubstanceUseRule.Invalid::field), why);
        }
    }

    @Nested
    @DisplayName("R-BRK-2: the person is asked whom to contact, and whom they asked for is recorded and contacted")
    class ChosenContact {

        static Stream<Row> table() {
            return Stream.of(
                    row(
                            "R-BRK-2: risk to self, not yet asked: ask whom to contact",
                            concern(List.of(RISK_TO_SELF), IMMEDIATE, null, null, null, null),
                            recipients(EMERGENCY_SERVICES),
                            JUSTIFIED,
                            "R-BRK-2",
                            "ASK_WHOM_TO_CONTACT"),
                    row(
                            "R-BRK-2: they asked for their GP, who is proposed: nothing more",
                            concern(List.of(RISK_TO_SELF), IMMEDIATE, GP, null, null, null),
                            recipients(GP),
                            JUSTIFIED,
                            "R-BRK-2"),
                    row(
                            "R-BRK-2: they asked for their GP, who is not proposed: contact them",
                            concern(List.of(RISK_TO_OTHERS), SERIOUS, GP, null, null, null),
                            recipients(POLICE),
                            JUSTIFIED,
                            "R-BRK-2",
                            "CONTACT_WHOM_THEY_ASKED_FOR"),
                    row(
                            "R-BRK-2 speaks of risk to self or others only",
                            concern(List.of(HARM_TO_PUBLIC), SERIOUS, null, null, null, null),
                            recipients(GP),
                            JUSTIFIED,
                            "R-BRK-12"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("table")
        void steps(Row r) {
            check(r);
        }
    }

    @Nested
    @DisplayName(
            "R-BRK-4: the relationship to the alleged abuser and past or present abuse are recorded; present abuse is a present danger")
    class ChildFactors {

        static Stream<Row> table() {
            List<Ground> child = List.of(CHILD_PROTECTION);
            return Stream.of(
                    row(
                            "R-BRK-4: factors not recorded: record them",
                            concern(child, PAST, null, null, null, null),
                            recipients(CHILDRENS_SOCIAL_CARE),
                            JUSTIFIED,
                            "R-BRK-10",
                            "RECORD_CHILD_FACTORS"),
                    row(
                            "R-BRK-4: relationship alone is not enough",
                            concern(child, PAST, null, AbuserRelationship.STEP_PARENT, null, null),
                            recipients(CHILDRENS_SOCIAL_CARE),
                            JUSTIFIED,
                            "R-BRK-10",
                            "RECORD_CHILD_FACTORS"),
                    row(
                            "R-BRK-10: past abuse only, recorded: JUSTIFIED",
                            concern(child, PAST, null, AbuserRelationship.STEP_PARENT, AbuseTiming.PAST, null),
                            recipients(CHILDRENS_SOCIAL_CARE),
                            JUSTIFIED,
                            "R-BRK-10"),
                    row(
                            "R-BRK-4: abuse that is still going on is REQUIRED whatever the immediacy said",
                            concern(child, CHRONIC, null, AbuserRelationship.PARENT, AbuseTiming.PRESENT, null),
                            recipients(CHILDRENS_SOCIAL_CARE),
                            REQUIRED,
                            "R-BRK-4"),
                    row(
                            "R-BRK-4: past and present abuse of a vulnerable adult is REQUIRED",
                            concern(
                                    List.of(VULNERABLE_ADULT),
                                    PAST,
                                    null,
                                    AbuserRelationship.CARER,
                                    AbuseTiming.PAST_AND_PRESENT,
                                    null),
                            recipients(POLICE),
                            REQUIRED,
                            "R-BRK-4"),
                    row(
                            "R-BRK-4: serious risk stays REQUIRED with past abuse recorded",
                            concern(child, SERIOUS, null, AbuserRelationship.PEER, AbuseTiming.PAST, null),
                            recipients(POLICE),
                            REQUIRED,
                            "R-BRK-4"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("table")
        void outcome(Row r) {
            check(r);
        }
    }
}
