package org.confide.records.client.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntakeRuleTest {

    private final IntakeRule rule = new IntakeRule();

    @DisplayName("R-REC-5: a client is registered only once the limits of confidentiality were explained")
    @ParameterizedTest(name = "limitsExplained={0} -> refused={1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "true,  false",
                "false, true",
                "null,  true",
            })
    void limitsMustBeExplained(Boolean limitsExplained, boolean refused) {
        assertEquals(refused, rule.refusal(limitsExplained).isPresent());
    }
}
