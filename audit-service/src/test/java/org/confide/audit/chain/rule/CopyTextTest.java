package org.confide.audit.chain.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
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
    @DisplayName("a field is escaped as COPY text wants it: backslash, tab, newline and carriage return, nothing else")
    void escapes(String value, String escaped) {
        StringBuilder sb = new StringBuilder();
        CopyText.field(value, sb);
        assertEquals(escaped, sb.toString());
    }

    @Test
    @DisplayName("NULL is \\N, unlike the text \"\\N\" (escaped) and the empty string")
    void nullIsNotText() {
        StringBuilder sb = new StringBuilder();
        CopyText.field(null, sb);
        assertEquals("\\N", sb.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-01-02T03:04:05.678Z|2026-01-02T03:04:05.678Z",
                "+10000-01-01T00:00:00Z|10000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z|0001-01-01 00:00:00.000+00 BC",
                "-0043-03-15T12:00:00.250Z|0044-03-15 12:00:00.250+00 BC"
            })
    @DisplayName("a chain time is written in a form PostgreSQL reads (no '+' year, BC for years before 1)")
    void timestampInput(String chain, String pg) {
        assertEquals(pg, CopyText.timestampInput(chain));
    }
}
