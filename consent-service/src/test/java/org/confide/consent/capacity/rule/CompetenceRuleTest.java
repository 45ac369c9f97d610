package org.confide.consent.capacity.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.confide.consent.capacity.AssessmentKind;
import org.confide.consent.capacity.rule.CompetenceRule.Finding;
import org.confide.consent.capacity.rule.CompetenceRule.Latest;
import org.confide.consent.capacity.rule.CompetenceRule.Refusal;
import org.confide.consent.capacity.rule.CompetenceRule.UnknownAge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompetenceRuleTest {

    private final CompetenceRule rule = new CompetenceRule();

    @DisplayName(
            "R-CONS-6: under 16 (and, read strictly, of unknown age) consent needs the latest information-sharing assessment to be a competence assessment that found the client competent")
    @ParameterizedTest(name = "band={0} unknown={1} latest={2}/{3} -> {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                // band,      unknown, latest kind, competent, refused by
                "16_OR_OVER, ASSESS,  null,       null,  null",
                "16_OR_OVER, ASSESS,  CAPACITY,   false, null", // R-CONS-5's to refuse, not this rule's
                "16_OR_OVER, PRESUME, COMPETENCE, false, null",
                "UNDER_16,   ASSESS,  null,       null,  R-CONS-6",
                "UNDER_16,   PRESUME, null,       null,  R-CONS-6", // the setting is about UNKNOWN only
                "UNDER_16,   ASSESS,  CAPACITY,   true,  R-CONS-6", // capacity is not competence
                "UNDER_16,   ASSESS,  COMPETENCE, false, R-CONS-6",
                "UNDER_16,   ASSESS,  COMPETENCE, true,  null",
                "UNKNOWN,    ASSESS,  null,       null,  R-CONS-6", // the strictest reading, the default
                "UNKNOWN,    ASSESS,  COMPETENCE, true,  null",
                "UNKNOWN,    PRESUME, null,       null,  null",
                "ELDERLY,    ASSESS,  null,       null,  R-CONS-6", // not a band: as unknown
            })
    void consent(String band, UnknownAge unknown, AssessmentKind kind, Boolean competent, String refusedBy) {
        Latest latest = kind == null ? null : new Latest(UUID.randomUUID(), kind, competent);
        assertEquals(
                refusedBy,
                rule.consentRefusal(band, unknown, latest).map(Refusal::rule).orElse(null));
    }

    @DisplayName(
            "R-CONS-6: a competence assessment is for under-16s; a finding of incapacity records its explanation to the person and to a significant other when there is one")
    @ParameterizedTest(name = "{0} has={1} toPerson={2} so={3} toSo={4} band={5} -> {6}")
    @CsvSource(
            nullValues = "null",
            value = {
                // kind,     hasCapacity, toPerson,  hasSO, toSO,      band,       field refused
                "CAPACITY,   true,  null,      null,  null,      16_OR_OVER, null",
                "CAPACITY,   false, told,      false, null,      16_OR_OVER, null",
                "CAPACITY,   false, told,      true,  told them, 16_OR_OVER, null",
                "CAPACITY,   false, null,      false, null,      16_OR_OVER, explanationToPerson",
                "CAPACITY,   false, '  ',      false, null,      16_OR_OVER, explanationToPerson",
                "CAPACITY,   false, told,      null,  null,      16_OR_OVER, hasSignificantOther",
                "CAPACITY,   false, told,      true,  null,      16_OR_OVER, explanationToSignificantOther",
                "COMPETENCE, true,  null,      null,  null,      UNDER_16,   null",
                "COMPETENCE, false, told,      false, null,      UNDER_16,   null",
                "COMPETENCE, false, null,      false, null,      UNDER_16,   explanationToPerson",
                "COMPETENCE, true,  null,      null,  null,      UNKNOWN,    null",
                "COMPETENCE, true,  null,      null,  null,      16_OR_OVER, kind",
                "CAPACITY,   true,  null,      null,  null,      UNDER_16,   null",
            })
    void assessment(
            AssessmentKind kind,
            boolean hasCapacity,
            String toPerson,
            Boolean hasSo,
            String toSo,
            String band,
            String field) {
        var refusal =
                rule.assessmentRefusal(new Finding(kind, hasCapacity, toPerson, hasSo, toSo), band, UnknownAge.ASSESS);
        assertEquals(field, refusal.map(Refusal::field).orElse(null));
        assertEquals(
                field == null ? null : "R-CONS-6", refusal.map(Refusal::rule).orElse(null));
    }
}
