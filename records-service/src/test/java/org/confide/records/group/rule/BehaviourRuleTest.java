package org.confide.records.group.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.confide.records.group.LeaveReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BehaviourRuleTest {

    private final BehaviourRule rule = new BehaviourRule();

    @DisplayName("R-SAFE-1: asked to leave a session: a reason code, an attendee of that session, once per session")
    @ParameterizedTest(name = "reason {0}, attended {1}, recorded {2} -> {3} {4} {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                "UNDER_INFLUENCE,  true,  false, null, null,     null",
                "DISTRESS,         true,  false, null, null,     null",
                "ANGER_OR_THREATS, true,  false, null, null,     null",
                "VIOLENCE,         true,  false, null, null,     null",
                "null,             true,  false, 422,  R-SAFE-1, reason",
                "null,             false, true,  422,  R-SAFE-1, reason",
                "DISTRESS,         false, false, 422,  R-SAFE-1, memberId",
                "DISTRESS,         false, true,  422,  R-SAFE-1, memberId",
                "VIOLENCE,         true,  true,  409,  R-SAFE-1, memberId",
            })
    void askedToLeave(
            LeaveReason reason, boolean attended, boolean recorded, Integer status, String wantRule, String field) {
        var r = rule.askedToLeaveRefusal(reason, attended, recorded);
        assertEquals(status, r.map(SafetyRefusal::status).orElse(null));
        assertEquals(wantRule, r.map(SafetyRefusal::rule).orElse(null));
        assertEquals(field, r.map(SafetyRefusal::field).orElse(null));
    }

    @DisplayName(
            "R-SAFE-1: behaviour that keeps causing problems: excluded for it only after being asked to leave twice")
    @ParameterizedTest(name = "asked to leave {0} times -> refused {1}")
    @CsvSource({"0, true", "1, true", "2, false", "3, false", "40, false"})
    void repeated(long times, boolean refused) {
        var r = rule.repeatedBehaviourRefusal(times);
        assertEquals(refused, r.isPresent());
        r.ifPresent(x -> {
            assertEquals("R-SAFE-1", x.rule());
            assertEquals("reason", x.field());
            assertEquals(422, x.status());
        });
    }
}
