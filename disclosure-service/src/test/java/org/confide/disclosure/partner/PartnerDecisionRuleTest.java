package org.confide.disclosure.partner;

import static org.confide.disclosure.cases.Advice.OPPOSE;
import static org.confide.disclosure.cases.Advice.SUPPORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.confide.disclosure.partner.rule.PartnerDecisionRule;
import org.confide.disclosure.partner.rule.PartnerDecisionRule.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName(
        "R-REF-2: a press release, an invitation or another major decision takes effect only with every supporting organisation's support")
class PartnerDecisionRuleTest {

    private static final List<String> REQUIRED = List.of("org-a", "org-b");
    private final PartnerDecisionRule rule = new PartnerDecisionRule();

    static Stream<Arguments> takeEffect() {
        return Stream.of(
                Arguments.of("R-REF-2: nobody has answered: 409", REQUIRED, List.of(), 409, List.of("org-a", "org-b")),
                Arguments.of(
                        "R-REF-2: one of two supports: 409",
                        REQUIRED,
                        List.of(new Answer("org-a", SUPPORT)),
                        409,
                        List.of("org-b")),
                Arguments.of(
                        "R-REF-2: both support: it takes effect",
                        REQUIRED,
                        List.of(new Answer("org-a", SUPPORT), new Answer("org-b", SUPPORT)),
                        0,
                        List.of()),
                Arguments.of(
                        "R-REF-2: an opposition blocks it",
                        REQUIRED,
                        List.of(new Answer("org-a", SUPPORT), new Answer("org-b", OPPOSE)),
                        409,
                        List.of("org-b")),
                Arguments.of(
                        "R-REF-2: the latest answer counts (oppose, then support)",
                        REQUIRED,
                        List.of(
                                new Answer("org-a", SUPPORT),
                                new Answer("org-b", OPPOSE),
                                new Answer("org-b", SUPPORT)),
                        0,
                        List.of()),
                Arguments.of(
                        "R-REF-2: the latest answer counts (support, then oppose)",
                        REQUIRED,
                        List.of(
                                new Answer("org-a", SUPPORT),
                                new Answer("org-b", SUPPORT),
                                new Answer("org-a", OPPOSE)),
                        409,
                        List.of("org-a")),
                Arguments.of(
                        "R-REF-2: an organisation not required does not count",
                        REQUIRED,
                        List.of(new Answer("org-a", SUPPORT), new Answer("org-c", SUPPORT)),
                        409,
                        List.of("org-b")),
                Arguments.of(
                        "R-REF-2: no supporting organisation in the policy: nothing to wait for",
                        List.of(),
                        List.of(),
                        0,
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takeEffect")
    void takeEffect(String why, List<String> required, List<Answer> answers, int status, List<String> missing) {
        assertEquals(missing, rule.missing(required, answers), why);
        assertEquals(
                status,
                rule.takeEffect(PartnerDecisionStatus.PROPOSED, required, answers)
                        .map(PartnerDecisionRule.Refusal::status)
                        .orElse(0),
                why);
        assertEquals(
                409,
                rule.takeEffect(PartnerDecisionStatus.IN_EFFECT, required, answers)
                        .map(PartnerDecisionRule.Refusal::status)
                        .orElse(0),
                "only once");
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(
                        "R-REF-2: a required organisation answers", PartnerDecisionStatus.PROPOSED, "org-a", 0, null),
                Arguments.of("R-REF-2: the organisation is named", PartnerDecisionStatus.PROPOSED, null, 422, "orgId"),
                Arguments.of(
                        "R-REF-2: only a required organisation answers",
                        PartnerDecisionStatus.PROPOSED,
                        "org-c",
                        422,
                        "orgId"),
                Arguments.of(
                        "R-REF-2: nothing after it took effect", PartnerDecisionStatus.IN_EFFECT, "org-a", 409, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void answer(String why, PartnerDecisionStatus status, String org, int code, String field) {
        Optional<PartnerDecisionRule.Refusal> r = rule.answer(status, REQUIRED, org);
        assertEquals(code, r.map(PartnerDecisionRule.Refusal::status).orElse(0), why);
        assertEquals(field, r.map(PartnerDecisionRule.Refusal::field).orElse(null), why);
    }

    static Stream<Arguments> proposals() {
        return Stream.of(
                Arguments.of(PartnerDecisionKind.PRESS_RELEASE, null, null),
                Arguments.of(PartnerDecisionKind.OTHER, null, null),
                Arguments.of(PartnerDecisionKind.INVITE_SUPPORTING_ORG, "org-new", null),
                Arguments.of(PartnerDecisionKind.INVITE_SUPPORTING_ORG, " ", "invitedOrg"),
                Arguments.of(PartnerDecisionKind.PRESS_RELEASE, "org-new", "invitedOrg"));
    }

    @ParameterizedTest(name = "R-REF-2: propose {0} inviting {1}: refused on {2}")
    @MethodSource("proposals")
    void proposal(PartnerDecisionKind kind, String invited, String field) {
        assertEquals(
                field,
                rule.proposal(kind, invited)
                        .map(PartnerDecisionRule.Refusal::field)
                        .orElse(null));
    }
}
