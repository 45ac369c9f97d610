package org.confide.consent.consent.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.confide.consent.consent.ConsentStatus;
import org.confide.consent.consent.rule.ConsentLifecycleRule.Refusal;
import org.confide.events.codes.Purpose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentLifecycleRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private final ConsentLifecycleRule rule = new ConsentLifecycleRule();

    @DisplayName(
            "R-CONS-1, R-CONS-4, R-CONS-5: a consent is recorded only if explained, ending in the future, and the client has capacity")
    @ParameterizedTest(name = "explained={0} validUntil={1} lacksCapacity={2} -> {3} {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "true,  null,                  false, null,     null",
                "true,  2026-11-22T10:15:01Z,  false, null,     null",
                "false, null,                  false, R-CONS-1, explained",
                "null,  null,                  false, R-CONS-1, explained",
                "false, 2020-01-01T00:00:00Z,  true,  R-CONS-1, explained",
                "true,  2026-11-22T10:15:00Z,  false, R-CONS-4, validUntil",
                "true,  2020-01-01T00:00:00Z,  true,  R-CONS-4, validUntil",
                "true,  null,                  true,  R-CONS-5, clientId",
            })
    void grant(Boolean explained, Instant validUntil, boolean lacksCapacity, String rule, String field) {
        var refusal = this.rule.grantRefusal(explained, validUntil, lacksCapacity, NOW);
        assertEquals(rule, refusal.map(Refusal::rule).orElse(null));
        assertEquals(field, refusal.map(Refusal::field).orElse(null));
    }

    @DisplayName("R-CONS-2: case studies, group work, training and recordings start PENDING_APPROVAL, others ACTIVE")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CONTINUING_CARE, ACTIVE",
        "REFERRAL_UPDATES, ACTIVE",
        "SUPERVISION, ACTIVE",
        "SAFEGUARDING, ACTIVE",
        "LETTER, ACTIVE",
        "CASE_STUDY, PENDING_APPROVAL",
        "GROUP_WORK, PENDING_APPROVAL",
        "TRAINING, PENDING_APPROVAL",
        "RECORDING, PENDING_APPROVAL",
    })
    void initialStatus(Purpose purpose, ConsentStatus status) {
        assertEquals(status, rule.initialStatus(purpose));
    }

    @DisplayName("R-CONS-2, R-CONS-4: only a pending consent can be approved; only an ACTIVE or pending one withdrawn")
    @ParameterizedTest(name = "{0}: approvable={1} withdrawable={2}")
    @CsvSource({
        "PENDING_APPROVAL, true,  true",
        "ACTIVE,           false, true",
        "REFUSED,          false, false",
        "WITHDRAWN,        false, false",
        "EXPIRED,          false, false",
    })
    void transitions(ConsentStatus status, boolean approvable, boolean withdrawable) {
        assertEquals(approvable, rule.approvalConflict(status).isEmpty());
        assertEquals(withdrawable, rule.withdrawalConflict(status).isEmpty());
    }
}
