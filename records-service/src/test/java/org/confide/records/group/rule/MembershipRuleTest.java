package org.confide.records.group.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembershipRuleTest {

    private final MembershipRule rule = new MembershipRule();

    @DisplayName(
            "R-CONF-3 / R-CONF-4: who may join: exactly one of clientId or alias (not blank, at most 100), and the ground rules agreed")
    @ParameterizedTest(name = "clientId {0}, alias [{1}], agreed {2} -> {3} {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "true,  null,      true,  null,     null",
                "false, Robin,     true,  null,     null",
                "false, ' Robin ', true,  null,     null",
                "true,  null,      false, R-CONF-3, groundRulesAgreed",
                "true,  null,      null,  R-CONF-3, groundRulesAgreed",
                "false, Robin,     false, R-CONF-3, groundRulesAgreed",
                "true,  Robin,     true,  R-CONF-4, alias",
                "false, null,      true,  R-CONF-4, clientId",
                "false, null,      false, R-CONF-4, clientId",
                "false, '   ',     true,  R-CONF-4, alias",
                "false, '',        true,  R-CONF-4, alias",
                "true,  '',        true,  R-CONF-4, alias",
            })
    void join(boolean hasClientId, String alias, Boolean agreed, String wantRule, String wantField) {
        var refusal = rule.joinRefusal(hasClientId, alias, agreed);
        assertEquals(wantRule, refusal.map(MembershipRule.Refusal::rule).orElse(null));
        assertEquals(wantField, refusal.map(MembershipRule.Refusal::field).orElse(null));
    }

    @DisplayName("R-CONF-4: an alias of 100 characters is accepted, 101 is refused naming alias")
    @ParameterizedTest(name = "{0} characters -> refused {1}")
    @CsvSource({"1, false", "100, false", "101, true", "500, true"})
    void aliasLength(int length, boolean refused) {
        assertEquals(refused, rule.joinRefusal(false, "a".repeat(length), true).isPresent());
    }

    @DisplayName("Attendance: only current members attend; the others are named in the order given")
    @ParameterizedTest(name = "attendees {0}, current {1} -> not members {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "a b,   a b c, ''",
                "a,     a,     ''",
                "a x,   a b,   x",
                "y a x, a,     y x",
                "a,     '',    a",
            })
    void attendance(String attendees, String current, String strangers) {
        assertEquals(words(strangers), rule.notCurrentMembers(words(attendees), Set.copyOf(words(current))));
    }

    private static List<Object> words(String s) {
        return s.isBlank() ? List.of() : List.of((Object[]) s.trim().split("\\s+"));
    }
}
