package org.confide.disclosure.assessment.rule;

import static org.confide.disclosure.assessment.Ground.CHILD_PROTECTION;
import static org.confide.disclosure.assessment.Ground.COURT_ORDER;
import static org.confide.disclosure.assessment.Ground.HARM_TO_PUBLIC;
import static org.confide.disclosure.assessment.Ground.LACKS_CAPACITY;
import static org.confide.disclosure.assessment.Ground.MEDICAL_EMERGENCY;
import static org.confide.disclosure.assessment.Ground.OTHER_ILLEGAL_ACTIVITY;
import static org.confide.disclosure.assessment.Ground.PARENTAL_SUBSTANCE_USE;
import static org.confide.disclosure.assessment.Ground.PSYCHOLOGICAL_DISTRESS;
import static org.confide.disclosure.assessment.Ground.RISK_TO_OTHERS;
import static org.confide.disclosure.assessment.Ground.RISK_TO_SELF;
import static org.confide.disclosure.assessment.Ground.SERIOUS_CRIME;
import static org.confide.disclosure.assessment.Ground.TERRORISM;
import static org.confide.disclosure.assessment.Ground.THREAT_TO_STAFF;
import static org.confide.disclosure.assessment.Ground.VULNERABLE_ADULT;
import static org.confide.disclosure.assessment.Immediacy.CHRONIC;
import static org.confide.disclosure.assessment.Immediacy.IMMEDIATE;
import static org.confide.disclosure.assessment.Immediacy.PAST;
import static org.confide.disclosure.assessment.Immediacy.SERIOUS;
import static org.confide.disclosure.assessment.Outcome.CONSENTED;
import static org.confide.disclosure.assessment.Outcome.JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.NOT_JUSTIFIED;
import static org.confide.disclosure.assessment.Outcome.REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.confide.disclosure.assessment.Ground;
import org.confide.disclosure.assessment.Immediacy;
import org.confide.disclosure.assessment.Outcome;
import org.confide.events.codes.RecipientType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeRuleTest {

    private static final Policy CHRONIC_COUNTS = new Policy(false, true, List.of(), true);
    private static final Policy IMMINENCE = new Policy(true, true, List.of(), true);
    private static final List<RecipientConsent> NOT_CONSENTED =
            List.of(new RecipientConsent(RecipientType.GP, null, false, true));

    private final OutcomeRule rule = new OutcomeRule();

    /** One row: a concern, the policy, and what must come of it (outcome and the rule that decided it). */
    record Row(
            String why,
            List<Ground> grounds,
            Immediacy immediacy,
            Integer age,
            Boolean gillick,
            Policy policy,
            Outcome outcome,
            String rule) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Row row(
            String why,
            Immediacy immediacy,
            Integer age,
            Boolean gillick,
            Policy policy,
            Outcome outcome,
            String rule,
            Ground... grounds) {
        return new Row(why, Arrays.asList(grounds), immediacy, age, gillick, policy, outcome, rule);
    }

    static Stream<Row> table() {
        return Stream.of(
                // REQUIRED rows of the outcome table
                row(
                        "R-BRK-1: medical emergency is REQUIRED",
                        IMMEDIATE,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        REQUIRED,
                        "R-BRK-1",
                        MEDICAL_EMERGENCY),
                row(
                        "R-BRK-4: child in immediate danger is REQUIRED",
                        IMMEDIATE,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        REQUIRED,
                        "R-BRK-4",
                        CHILD_PROTECTION),
                row(
                        "R-BRK-4: child at risk of significant harm is REQUIRED",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        REQUIRED,
                        "R-BRK-4",
                        CHILD_PROTECTION),
                row(
                        "R-BRK-4: vulnerable adult in immediate danger is REQUIRED",
                        IMMEDIATE,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        REQUIRED,
                        "R-BRK-4",
                        VULNERABLE_ADULT),
                row("R-BRK-5: terrorism is REQUIRED", PAST, null, null, CHRONIC_COUNTS, REQUIRED, "R-BRK-5", TERRORISM),
                // JUSTIFIED rows
                row(
                        "R-BRK-2: immediate risk to self is JUSTIFIED",
                        IMMEDIATE,
                        null,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-2",
                        RISK_TO_SELF),
                row(
                        "R-BRK-2: immediate risk to others is JUSTIFIED",
                        IMMEDIATE,
                        null,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-2",
                        RISK_TO_OTHERS),
                row(
                        "R-BRK-2: chronic serious risk to others is JUSTIFIED (seed 004)",
                        CHRONIC,
                        null,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-2",
                        RISK_TO_OTHERS),
                row(
                        "R-BRK-5: serious crime is JUSTIFIED",
                        PAST,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-5",
                        SERIOUS_CRIME),
                row(
                        "R-BRK-8: lack of capacity is JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-8",
                        LACKS_CAPACITY),
                row(
                        "R-BRK-9: threat to staff is JUSTIFIED",
                        PAST,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-9",
                        THREAT_TO_STAFF),
                row(
                        "R-BRK-10: past child abuse is JUSTIFIED",
                        PAST,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-10",
                        CHILD_PROTECTION),
                row(
                        "R-BRK-10: regular (chronic) abuse of a vulnerable adult is JUSTIFIED",
                        CHRONIC,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-10",
                        VULNERABLE_ADULT),
                row(
                        "R-BRK-11: court order is JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-11",
                        COURT_ORDER),
                row(
                        "R-BRK-12: an acute risk of harm to the public (a car accident, serious disease) is JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-12",
                        HARM_TO_PUBLIC),
                row(
                        "R-BRK-12: a chronic risk of harm to the public is JUSTIFIED too",
                        CHRONIC,
                        null,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-12",
                        HARM_TO_PUBLIC),
                // NOT_JUSTIFIED rows
                row(
                        "R-BRK-7: psychological distress alone is NOT_JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-7",
                        PSYCHOLOGICAL_DISTRESS),
                row(
                        "R-BRK-5: other illegal activity is NOT_JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-5",
                        OTHER_ILLEGAL_ACTIVITY),
                row(
                        "R-BRK-13: a parent's substance use with no risk to a child found is NOT_JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-13",
                        PARENTAL_SUBSTANCE_USE),
                row(
                        "R-BRK-5: a past act against others is no present risk: NOT_JUSTIFIED",
                        PAST,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-5",
                        RISK_TO_OTHERS),
                // R-BRK-6: the policy setting requireImminenceForRiskToSelf
                row(
                        "R-BRK-6: chronic risk to self where imminence is required is NOT_JUSTIFIED (seed 003)",
                        CHRONIC,
                        null,
                        null,
                        IMMINENCE,
                        NOT_JUSTIFIED,
                        "R-BRK-6",
                        RISK_TO_SELF),
                row(
                        "R-BRK-6: serious, not immediate, risk to self where imminence is required is NOT_JUSTIFIED",
                        SERIOUS,
                        null,
                        null,
                        IMMINENCE,
                        NOT_JUSTIFIED,
                        "R-BRK-6",
                        RISK_TO_SELF),
                row(
                        "R-BRK-6: chronic serious risk to self counts where the policy says so (seed 004)",
                        CHRONIC,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-6",
                        RISK_TO_SELF),
                row(
                        "R-BRK-6: serious risk to self counts where the policy says so (R-BRK-3)",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-2",
                        RISK_TO_SELF),
                row(
                        "R-BRK-6: past risk to self is no present danger under either policy",
                        PAST,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-6",
                        RISK_TO_SELF),
                // Age and capacity (R-CONS-5, R-BRK-7, R-BRK-4, Gillick)
                row(
                        "R-CONS-5: a 16-year-old is presumed able: distress alone NOT_JUSTIFIED (R-BRK-7)",
                        SERIOUS,
                        16,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-7",
                        PSYCHOLOGICAL_DISTRESS),
                row(
                        "R-CONS-5: 16+ presumption holds even if marked not Gillick competent",
                        SERIOUS,
                        17,
                        false,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-7",
                        PSYCHOLOGICAL_DISTRESS),
                row(
                        "Gillick: a competent 14-year-old's distress alone is NOT_JUSTIFIED (R-BRK-7)",
                        SERIOUS,
                        14,
                        true,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-7",
                        PSYCHOLOGICAL_DISTRESS),
                row(
                        "Gillick: a 13-year-old not competent to decide: JUSTIFIED under R-BRK-8",
                        SERIOUS,
                        13,
                        false,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-8",
                        PSYCHOLOGICAL_DISTRESS),
                row(
                        "R-BRK-4: a 14-year-old's distress with chronic risk to self is not dismissed even where imminence is required",
                        CHRONIC,
                        14,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-10",
                        PSYCHOLOGICAL_DISTRESS,
                        RISK_TO_SELF),
                row(
                        "R-BRK-4: a 12-year-old's distress with serious illegal activity around them is REQUIRED",
                        SERIOUS,
                        12,
                        true,
                        CHRONIC_COUNTS,
                        REQUIRED,
                        "R-BRK-4",
                        PSYCHOLOGICAL_DISTRESS,
                        OTHER_ILLEGAL_ACTIVITY),
                row(
                        "R-BRK-7: an adult's distress beside other illegal activity stays NOT_JUSTIFIED",
                        SERIOUS,
                        30,
                        null,
                        CHRONIC_COUNTS,
                        NOT_JUSTIFIED,
                        "R-BRK-7",
                        PSYCHOLOGICAL_DISTRESS,
                        OTHER_ILLEGAL_ACTIVITY),
                // Precedence: the strongest outcome wins
                row(
                        "precedence: REQUIRED beats JUSTIFIED (terrorism over serious crime)",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        REQUIRED,
                        "R-BRK-5",
                        SERIOUS_CRIME,
                        TERRORISM),
                row(
                        "precedence: JUSTIFIED beats NOT_JUSTIFIED (threat to staff over distress)",
                        SERIOUS,
                        null,
                        null,
                        CHRONIC_COUNTS,
                        JUSTIFIED,
                        "R-BRK-9",
                        PSYCHOLOGICAL_DISTRESS,
                        THREAT_TO_STAFF),
                row(
                        "precedence: REQUIRED beats NOT_JUSTIFIED (medical emergency over distress)",
                        IMMEDIATE,
                        null,
                        null,
                        IMMINENCE,
                        REQUIRED,
                        "R-BRK-1",
                        PSYCHOLOGICAL_DISTRESS,
                        MEDICAL_EMERGENCY),
                row(
                        "precedence: JUSTIFIED court order beats a policy-refused chronic risk to self",
                        CHRONIC,
                        null,
                        null,
                        IMMINENCE,
                        JUSTIFIED,
                        "R-BRK-11",
                        RISK_TO_SELF,
                        COURT_ORDER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    @DisplayName("docs/domain.md outcome table, ground precedence, policy and age")
    void outcomeTable(Row r) {
        Assessment a =
                rule.assess(new Concern(r.grounds(), r.immediacy(), r.age(), r.gillick()), r.policy(), NOT_CONSENTED);
        assertEquals(r.outcome(), a.outcome(), r.why());
        assertEquals(r.rule(), a.decidingRule(), r.why());
        assertEquals(r.outcome(), a.groundsOutcome());
        assertTrue(a.rules().contains(r.rule()));
    }

    @Test
    @DisplayName("R-CONF-1: CONSENTED only when every recipient is covered, whatever the grounds")
    void consented() {
        Concern c = new Concern(List.of(TERRORISM), IMMEDIATE, null, null);
        Assessment all = rule.assess(
                c,
                Policy.DEFAULT,
                List.of(
                        new RecipientConsent(RecipientType.POLICE, null, true, true),
                        new RecipientConsent(RecipientType.GP, null, true, true)));
        assertEquals(CONSENTED, all.outcome());
        assertEquals(REQUIRED, all.groundsOutcome());
        assertEquals("R-CONS-1", all.decidingRule());
        assertFalse(all.emergencyAllowed(), "no emergency path is needed when nothing is a breach");

        Assessment one = rule.assess(
                c,
                Policy.DEFAULT,
                List.of(
                        new RecipientConsent(RecipientType.POLICE, null, true, true),
                        new RecipientConsent(RecipientType.GP, null, false, true)));
        assertEquals(REQUIRED, one.outcome());
        assertEquals(
                NOT_JUSTIFIED,
                rule.assess(
                                new Concern(List.of(PSYCHOLOGICAL_DISTRESS), SERIOUS, null, null),
                                Policy.DEFAULT,
                                List.of())
                        .outcome(),
                "no recipient: nothing is covered");
    }

    @Test
    @DisplayName("fail closed: a recipient whose consent could not be checked is not consented, and that is recorded")
    void consentUnchecked() {
        Assessment a = rule.assess(
                new Concern(List.of(PSYCHOLOGICAL_DISTRESS), SERIOUS, null, null),
                Policy.DEFAULT,
                List.of(new RecipientConsent(RecipientType.GP, null, false, false)));
        assertEquals(NOT_JUSTIFIED, a.outcome());
        assertFalse(a.consentChecked());
        assertEquals("CHECK_CONSENT", a.requiredSteps().getFirst().code());
    }

    @Test
    @DisplayName(
            "R-PROC-2: emergency path open for REQUIRED always, for IMMEDIATE JUSTIFIED only when the policy allows it")
    void emergencyPath() {
        Policy noEmergency = new Policy(false, true, List.of(), false);
        assertTrue(assess(MEDICAL_EMERGENCY, SERIOUS, noEmergency).emergencyAllowed());
        assertTrue(assess(RISK_TO_OTHERS, IMMEDIATE, Policy.DEFAULT).emergencyAllowed());
        assertFalse(assess(RISK_TO_OTHERS, IMMEDIATE, noEmergency).emergencyAllowed());
        assertFalse(assess(RISK_TO_OTHERS, SERIOUS, Policy.DEFAULT).emergencyAllowed());
        assertFalse(
                assess(PSYCHOLOGICAL_DISTRESS, IMMEDIATE, Policy.DEFAULT).emergencyAllowed(),
                "never for NOT_JUSTIFIED");
    }

    @Test
    @DisplayName("R-PROC-2, R-REF-2: required steps follow the policy (consultation, each partner's support)")
    void stepsFollowPolicy() {
        Policy partners = new Policy(false, true, List.of("org-a", "org-b"), true);
        List<String> codes = assess(SERIOUS_CRIME, SERIOUS, partners).requiredSteps().stream()
                .map(Assessment.RequiredStep::code)
                .toList();
        assertEquals(
                List.of(
                        "INVOLVE_CLIENT",
                        "CONSULT",
                        "PARTNER_SUPPORT:org-a",
                        "PARTNER_SUPPORT:org-b",
                        "MANAGER_DECISION",
                        "SHARE_MINIMUM_NECESSARY",
                        "FOLLOW_UP"),
                codes);
        Policy noConsult = new Policy(false, false, List.of(), true);
        assertFalse(assess(SERIOUS_CRIME, SERIOUS, noConsult).requiredSteps().stream()
                .anyMatch(s -> s.code().equals("CONSULT")));
        assertEquals(
                "SEEK_CONSENT",
                assess(OTHER_ILLEGAL_ACTIVITY, SERIOUS, Policy.DEFAULT)
                        .requiredSteps()
                        .getFirst()
                        .code());
        assertEquals(
                "ASSESS_GILLICK_COMPETENCE",
                rule.assess(
                                new Concern(List.of(PSYCHOLOGICAL_DISTRESS), SERIOUS, 14, null),
                                Policy.DEFAULT,
                                NOT_CONSENTED)
                        .requiredSteps()
                        .getFirst()
                        .code());
    }

    @Test
    @DisplayName("every cited rule has a text")
    void texts() {
        table().forEach(r -> {
            rule.assess(new Concern(r.grounds(), r.immediacy(), r.age(), r.gillick()), r.policy(), NOT_CONSENTED)
                    .rules()
                    .forEach(RuleBook::text);
        });
    }

    private Assessment assess(Ground g, Immediacy i, Policy p) {
        return rule.assess(new Concern(List.of(g), i, null, null), p, NOT_CONSENTED);
    }
}
