package org.confide.auditlog.jcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline verifier's JSON reader: what it accepts becomes plain JDK values, what is not JSON is refused. */
class JsonTest {

    @Test
    @DisplayName(
            "objects, arrays, strings with escapes, numbers and literals become Map, List, String, BigDecimal, Boolean, null")
    void values() {
        Object v = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"s\": \"\\u00e9\\n\\\"\", \"o\": {}} ");
        assertEquals(
                Map.of(
                        "a",
                        java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, false, null),
                        "s",
                        "é\n\"",
                        "o",
                        Map.of()),
                v);
        assertEquals(List.of(), Json.parse("[]"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "[1,]",
                "{\"a\" 1}",
                "{\"a\":1,}",
                "tru",
                "\"open",
                "\"\u0001\"",
                "\"\\x\"",
                "1 2",
                "{a:1}",
                "-"
            })
    @DisplayName("text that is not one JSON value is refused")
    void refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"b\":[],\"a\":{\"d\":null,\"c\":\"x\"}} | {\"a\":{\"c\":\"x\",\"d\":null},\"b\":[]}",
                "[10, 1.50, -0, 1e2]                 | [10,1.5,0,100]",
                "\"tab\\there\"                       | \"tab\\there\"",
            })
    @DisplayName("RFC 8785: parsed text canonicalises to one form")
    void canonicalForm(String text, String canonical) {
        assertEquals(canonical, Jcs.canonicalize(Json.parse(text)));
    }

    @Test
    @DisplayName(
            "JCS takes JSON values only: a member name that is not a string, or a value of another type, is refused")
    void notJson() {
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(Map.of(1, "one")));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(List.of(new Object())));
        assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(Double.NaN));
    }
}
