package org.confide.audit.export.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    @DisplayName("RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled")
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "plain|plain",
                "a,b|\"a,b\"",
                "say \"hi\"|\"say \"\"hi\"\"\"",
                "{\"clientId\":\"c1\",\"n\":1}|\"{\"\"clientId\"\":\"\"c1\"\",\"\"n\"\":1}\"",
                "''|\"\"",
            })
    void field(String value, String expected) {
        assertEquals(expected, Csv.field(value));
    }

    @DisplayName(
            "OWASP CSV injection: a cell starting with = + - @ tab or CR gets a leading single quote and is quoted")
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"",
                "=1+2|\"'=1+2\"",
                "+44 20 7946 0000|\"'+44 20 7946 0000\"",
                "-2+3|\"'-2+3\"",
                "@SUM(A1:A9)|\"'@SUM(A1:A9)\"",
                "=cmd\\..\\calc!A0|\"'=cmd\\..\\calc!A0\"",
                "a=b|a=b",
                "2026-11-22T10:15:00Z|2026-11-22T10:15:00Z",
                "R-PROC-1|R-PROC-1",
            })
    void formula(String value, String expected) {
        assertEquals(expected, Csv.field(value));
    }

    @DisplayName("OWASP CSV injection: a cell starting with a tab or a carriage return is neutralised too")
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"\t=1+2", "\r=1+2", "\tx", "\rx"})
    void controlFirst(String value) {
        assertEquals('"' + "'" + value + '"', Csv.field(value));
    }

    @Test
    @DisplayName("RFC 4180: a record ends in CRLF; a null field is empty")
    void record() {
        assertEquals("1,,\"x\ny\"\r\n", Csv.record(Arrays.asList("1", null, "x\ny")));
    }
}
