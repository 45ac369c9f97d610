package org.confide.auditlog.jcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

    @Test
    @DisplayName("RFC 8785 section 3.2.2 example: sorted members, ECMAScript numbers, minimal string escapes")
    void rfcExample() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, Jcs.canonicalize(Json.parse(input)));
    }

    @Test
    @DisplayName("RFC 8785 section 3.2.3: members are sorted by UTF-16 code units, not by code points")
    void utf16Sorting() {
        String input =
                "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String canonical = Jcs.canonicalize(Json.parse(input));
        String order =
                canonical.replaceAll("\"[^\"]*\":\"([^\"]*)\"[,}]", "$1|").replace("{", "");
        assertEquals(
                "Carriage Return|One|Control|Latin Small Letter O With Diaeresis|Euro Sign|Emoji: Grinning Face|"
                        + "Hebrew Letter Dalet With Dagesh|",
                order);
    }

    @DisplayName("RFC 8785 appendix B: IEEE 754 doubles in ECMAScript form")
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-1, -1",
        "4.5, 4.5",
        "0.002, 0.002",
        "1e-7, 1e-7",
        "0.000001, 0.000001",
        "1e21, 1e+21",
        "999999999999999900000, 999999999999999900000",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "5e-324, 5e-324",
        "9007199254740992, 9007199254740992",
        "295147905179352830000, 295147905179352830000",
        "333333333.33333329, 333333333.3333333",
    })
    void numbers(double value, String expected) {
        assertEquals(expected, Jcs.number(value));
    }
}
