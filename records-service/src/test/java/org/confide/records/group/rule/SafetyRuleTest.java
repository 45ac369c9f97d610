package org.confide.records.group.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.confide.records.group.ExclusionReason;
import org.confide.records.group.SessionEndReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetyRuleTest {

    private final SafetyRule rule = new SafetyRule();

    @DisplayName(
            "R-SAFE-2 / R-SAFE-1: an exclusion: the members' decision at any time; repeated behaviour after two departures; never twice")
    @ParameterizedTest(name = "reason {0}, excluded {1}, asked to leave {2} -> {3} {4} {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                "MEMBERS_DECISION,   false, 0, null, null,     null",
                "MEMBERS_DECISION,   false, 5, null, null,     null",
                "REPEATED_BEHAVIOUR, false, 2, null, null,     null",
                "REPEATED_BEHAVIOUR, false, 1, 422,  R-SAFE-1, reason",
                "REPEATED_BEHAVIOUR, false, 0, 422,  R-SAFE-1, reason",
                "MEMBERS_DECISION,   true,  0, 409,  R-SAFE-2, memberId",
                "REPEATED_BEHAVIOUR, true,  3, 409,  R-SAFE-2, memberId",
                "null,               false, 3, 422,  R-SAFE-2, reason",
            })
    void exclusion(
            ExclusionReason reason, boolean excluded, long times, Integer status, String wantRule, String field) {
        var r = rule.exclusionRefusal(reason, excluded, times);
        assertEquals(status, r.map(SafetyRefusal::status).orElse(null));
        assertEquals(wantRule, r.map(SafetyRefusal::rule).orElse(null));
        assertEquals(field, r.map(SafetyRefusal::field).orElse(null));
    }

    @DisplayName(
            "R-SAFE-2: the rule an exclusion rests on: the members' decision R-SAFE-2, repeated behaviour R-SAFE-1")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"MEMBERS_DECISION, R-SAFE-2", "REPEATED_BEHAVIOUR, R-SAFE-1"})
    void ruleOf(ExclusionReason reason, String want) {
        assertEquals(want, SafetyRule.ruleOf(reason));
    }

    @DisplayName("R-SAFE-2: an excluded client is not added to the group again (409 naming clientId)")
    @ParameterizedTest(name = "excluded {0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {"true, 409", "false, null"})
    void join(boolean excluded, Integer status) {
        var r = rule.joinRefusal(excluded);
        assertEquals(status, r.map(SafetyRefusal::status).orElse(null));
        r.ifPresent(x -> assertEquals(List.of("R-SAFE-2", "clientId"), List.of(x.rule(), x.field())));
    }

    @DisplayName("R-SAFE-2: excluded members are not recorded as attending; they are named in the order given")
    @ParameterizedTest(name = "attendees {0}, excluded {1} -> {2}")
    @CsvSource({"a b, '', ''", "a b, c, ''", "a x b, x, x", "y a x, x y, y x"})
    void attendance(String attendees, String excluded, String want) {
        assertEquals(words(want), rule.excludedAttendees(words(attendees), Set.copyOf(words(excluded))));
    }

    @DisplayName(
            "R-SAFE-2: ending a session: a reason code, once, with support offered to attendees named by member id")
    @ParameterizedTest(name = "reason {0}, ended {1}, support to [{2}], attendees [{3}] -> {4} {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                "SAFETY_AT_RISK,    false, a,   a b, null, null",
                "MEDICAL_EMERGENCY, false, a b, a b, null, null",
                "SAFETY_AT_RISK,    false, '',  a b, 422,  supportOfferedTo",
                "SAFETY_AT_RISK,    false, a x, a b, 422,  supportOfferedTo",
                "SAFETY_AT_RISK,    true,  a,   a b, 409,  sessionId",
                "null,              false, a,   a b, 422,  reason",
            })
    void end(SessionEndReason reason, boolean ended, String support, String attendees, Integer status, String field) {
        var r = rule.endRefusal(reason, ended, words(support), Set.copyOf(words(attendees)));
        assertEquals(status, r.map(SafetyRefusal::status).orElse(null));
        assertEquals(field, r.map(SafetyRefusal::field).orElse(null));
        r.ifPresent(x -> assertEquals("R-SAFE-2", x.rule()));
    }

    private static List<Object> words(String s) {
        return s.isBlank() ? List.of() : List.of((Object[]) s.trim().split("\\s+"));
    }
}
