package org.confide.records.statement.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementRuleTest {

    private final StatementRule rule = new StatementRule();

    @DisplayName(
            "R-REC-6: practitioners, managers and supervisors who have not acknowledged the current statement are refused client work; no statement, nothing refused")
    @ParameterizedTest(name = "roles {0}, current {1}, acknowledged {2} -> refused {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "practitioner,       null, false, false",
                "practitioner,       1,    false, true",
                "practitioner,       1,    true,  false",
                "manager,            3,    false, true",
                "manager,            3,    true,  false",
                "supervisor,         2,    false, true",
                "admin,              2,    false, false",
                "compliance,         2,    false, false",
                "client,             2,    false, false",
                "partner,            2,    false, false",
                "admin practitioner, 2,    false, true",
            })
    void clientWork(String roles, Integer current, boolean acknowledged, boolean refused) {
        assertEquals(
                refused,
                rule.workRefusal(Set.of(roles.split(" ")), current, acknowledged)
                        .isPresent());
    }

    @DisplayName(
            "R-REC-6: an intake names the version explained: the current one when one is published, none otherwise")
    @ParameterizedTest(name = "current {0}, explained {1} -> refused {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "null, null, false",
                "null, 1,    true",
                "2,    null, true",
                "2,    1,    true",
                "2,    2,    false",
                "2,    3,    true",
            })
    void intake(Integer current, Integer explained, boolean refused) {
        assertEquals(refused, rule.intakeRefusal(current, explained).isPresent());
    }

    @DisplayName("R-REC-6: only the current version is acknowledged; versions count up from 1")
    @ParameterizedTest(name = "current {0}, acknowledging {1} -> refused {2}; after {0} comes {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "1,    1,    false, 2",
                "2,    1,    true,  3",
                "2,    null, true,  3",
                "null, 1,    true,  1",
            })
    void acknowledging(Integer current, Integer version, boolean refused, int next) {
        assertEquals(refused, rule.acknowledgeRefusal(current, version).isPresent());
        assertEquals(next, rule.nextVersion(current));
    }
}
