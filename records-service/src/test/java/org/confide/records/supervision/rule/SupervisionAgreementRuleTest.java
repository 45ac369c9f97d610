package org.confide.records.supervision.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.confide.records.supervision.rule.SupervisionAgreementRule.Agreement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupervisionAgreementRuleTest {

    private final SupervisionAgreementRule rule = new SupervisionAgreementRule();

    /** agreements: "sup>prac" standing, "sup>prac!" ended, separated by spaces. */
    private static List<Agreement> agreements(String spec) {
        List<Agreement> out = new ArrayList<>();
        if (spec == null) return out;
        for (String a : spec.trim().split(" +")) {
            boolean ended = a.endsWith("!");
            String[] p = a.replace("!", "").split(">");
            out.add(new Agreement(p[0], p[1], ended));
        }
        return out;
    }

    @DisplayName(
            "R-CONF-5: a supervisor sees a client only through a standing agreement with its allocated practitioner, and only if the client was told")
    @ParameterizedTest(name = "{0} sees client of {1} (told={2}) with [{3}] -> {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "sup-1, prac-a, true,  sup-1>prac-a,             true",
                "sup-1, prac-a, false, sup-1>prac-a,             false",
                "sup-1, prac-a, true,  sup-1>prac-a!,            false",
                "sup-1, prac-a, true,  sup-1>prac-a! sup-1>prac-a, true",
                "sup-2, prac-a, true,  sup-1>prac-a,             false",
                "sup-1, prac-b, true,  sup-1>prac-a,             false",
                "sup-1, prac-a, true,  null,                     false",
                "sup-1, null,   true,  sup-1>prac-a,             false",
                "null,  prac-a, true,  sup-1>prac-a,             false",
                "sup-1, prac-a, true,  sup-2>prac-a sup-1>prac-a, true",
            })
    void whoSeesWhom(String supervisor, String practitioner, boolean told, String spec, boolean sees) {
        assertEquals(sees, rule.maySee(supervisor, practitioner, told, agreements(spec)));
    }

    @DisplayName("R-CONF-5: a manager assigns a supervisor to a practitioner once at a time, never to themselves")
    @ParameterizedTest(name = "{0} to {1}, standing={2} -> field {3}, refused={4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "sup-1,  prac-a, false, null,         false",
                "sup-1,  prac-a, true,  null,         true",
                "prac-a, prac-a, false, supervisorId, true",
            })
    void assigning(String supervisor, String practitioner, boolean standing, String field, boolean refused) {
        var refusal = rule.assignRefusal(supervisor, practitioner, standing);
        assertEquals(refused, refusal.isPresent());
        refusal.ifPresent(r -> assertEquals(field, r.field()));
    }

    @DisplayName("R-CONF-5: an agreement ends once; the client's knowledge is recorded only as true")
    @ParameterizedTest(name = "ended={0} -> refused={1}; explained={2} -> refused={3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "false, false, true,  false",
                "true,  true,  false, true",
                "false, false, null,  true",
            })
    void endingAndNotice(boolean ended, boolean endRefused, Boolean explained, boolean noticeRefused) {
        assertEquals(endRefused, rule.endRefusal(ended).isPresent());
        assertEquals(noticeRefused, rule.noticeRefusal(explained).isPresent());
    }
}
