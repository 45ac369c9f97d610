package org.confide.audit.export.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @DisplayName("RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled")
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "plain|plain",
            "a,b|\"a,b\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "{\"clientId\":\"c1\",\"n\":1}|\"{\"\"clientId\"\":\"\"c1\"\",\"\"n\"\":1}\"",
            "''|\"\"",
    })
    void field(String value, String expected) {
        assertEquals(expected, Csv.field(value));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("RFC 4180: a record ends in CRLF; a null field is empty")
    void record() {
        assertEquals("1,,\"x\ny\"\r\n", Csv.record(Arrays.asList("1", null, "x\ny")));
    }
}
