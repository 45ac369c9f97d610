package org.confide.audit.chain.rule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.stream.Stream;
import org.confide.audit.chain.AuditTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CopyTextTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("plain", "plain"),
                Arguments.of("tab\there", "tab\\there"),
                Arguments.of("line\nbreak\rcr", "line\\nbreak\\rcr"),
                Arguments.of("back\\slash", "back\\\\slash"),
                Arguments.of("{\"q\":\"\\\"\"}", "{\"q\":\"\\\\\"\"}"),
                Arguments.of("ünï €𝄞", "ünï €𝄞"),
                Arguments.of("\\N", "\\\\N"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("fields")
    @DisplayName("a field is escaped as COPY text wants it, and reads back as it was")
    void escapesAndReadsBack(String value, String escaped) {
        StringBuilder sb = new StringBuilder();
        CopyText.field(value, sb);
        assertEquals(escaped, sb.toString());
        String[] one = new String[1];
        assertTrue(CopyText.split(sb, one));
        assertEquals(value, one[0]);
    }

    @Test
    @DisplayName("NULL is \\N, an empty string is empty; a line splits into its fields, a wrong count is refused")
    void nullsAndSplitting() {
        StringBuilder sb = new StringBuilder();
        CopyText.field(null, sb);
        sb.append('\t');
        CopyText.field("", sb);
        sb.append('\t');
        CopyText.field("a\tb", sb);
        String[] three = new String[3];
        assertTrue(CopyText.split(sb, three));
        assertArrayEquals(new String[] {null, "", "a\tb"}, three);
        assertFalse(CopyText.split(sb, new String[2]));
        assertFalse(CopyText.split(sb, new String[4]));
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("\\b\\f\\v", "\b\f\u000b"),
                Arguments.of("\\101\\x42\\7", "AB\u0007"),
                Arguments.of("\\q", "q"));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    @DisplayName("the escapes PostgreSQL may print (also octal and hex) are undone")
    void otherEscapes(String line, String value) {
        String[] one = new String[1];
        assertTrue(CopyText.split(line, one));
        assertEquals(value, one[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-01-02 03:04:05+00|2026-01-02T03:04:05Z",
            "2026-01-02 03:04:05.678+00|2026-01-02T03:04:05.678Z",
            "2026-01-02 03:04:05.6+00|2026-01-02T03:04:05.600Z",
            "2026-01-02 03:04:05.000999+00|2026-01-02T03:04:05Z",
            "2026-01-02 03:04:05.123456+00|2026-01-02T03:04:05.123Z",
            "0999-12-31 23:59:59.5+00|0999-12-31T23:59:59.500Z",
            "10000-01-01 00:00:00.123+00|+10000-01-01T00:00:00.123Z",
            "0001-01-01 00:00:00+00 BC|0000-01-01T00:00:00Z",
            "0044-03-15 12:00:00+00 BC|-0043-03-15T12:00:00Z"})
    @DisplayName("a timestamptz as PostgreSQL prints it in UTC reads as the chain writes it (AuditTime.format)")
    void timestamps(String pg, String chain) {
        assertEquals(chain, CopyText.utcTimestamp(pg));
        assertEquals(AuditTime.format(AuditTime.normalise(Instant.parse(chain))), CopyText.utcTimestamp(pg));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2026-01-02 03:04:05+01", "2026-01-02T03:04:05Z", "2026-01-02 03:04:05.+00",
            "2026-01-02 03:04:05.1234567+00", "26-01-02 03:04:05+00", "2026-01-02 3:04:05+00"})
    @DisplayName("a timestamp in another form (not UTC, not ISO style) is refused, never misread")
    void otherTimestampForms(String pg) {
        assertThrows(IllegalArgumentException.class, () -> CopyText.utcTimestamp(pg));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-01-02T03:04:05.678Z|2026-01-02T03:04:05.678Z",
            "+10000-01-01T00:00:00Z|10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z|0001-01-01 00:00:00.000+00 BC",
            "-0043-03-15T12:00:00.250Z|0044-03-15 12:00:00.250+00 BC"})
    @DisplayName("a chain time is written in a form PostgreSQL reads (no '+' year, BC for years before 1)")
    void timestampInput(String chain, String pg) {
        assertEquals(pg, CopyText.timestampInput(chain));
    }
}
