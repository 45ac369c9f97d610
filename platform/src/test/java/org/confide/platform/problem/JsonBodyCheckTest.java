package org.confide.platform.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/api.md "Input and errors": what JsonBodyCheck lets through to binding, and what it refuses with 400 naming what. */
class JsonBodyCheckTest {

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(
            strings = {
                "",
                "{}",
                "[]",
                "  {\"a\":\"b\"}  \n",
                "{\"a\":[1,{\"b\":\"\\\\u0000 is text here\"}]}",
                "\"x\"",
                "42",
                "null"
            })
    @DisplayName("One JSON value, surrounded by nothing but whitespace, with no NUL, is let through")
    void accepted(String body) {
        assertDoesNotThrow(() -> JsonBodyCheck.check(body.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"a\\u0000b\"}                | name",
                "{\"a\":{\"b\":[\"x\",\"\\u0000\"]}}     | a.b[1]",
                "{\"a\\u0000\":1}                        | a?",
                "[\"ok\",\"\\u0000\"]                    | [1]",
                "{} junk                                 | body",
                "{}{}                                    | body",
                "[] []                                   | body",
                "\"x\" 1                                 | body",
                "{\"a\":1                                | body"
            })
    @DisplayName(
            "A NUL is refused naming its field; anything after the value, or a broken value, is refused naming the body")
    void refused(String body, String field) {
        ProblemException e =
                assertThrows(ProblemException.class, () -> JsonBodyCheck.check(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        assertEquals(field, e.toProblem().violations().get(0).field());
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {JsonBodyCheck.MAX_DEPTH + 1, 10_000})
    @DisplayName("Nesting deeper than the limit is a 400, not a parser's stack overflow or a 500")
    void tooDeep(int depth) {
        byte[] body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBodyCheck.check(body));
        assertEquals(400, e.status());
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {1, JsonBodyCheck.MAX_DEPTH})
    @DisplayName("Nesting up to the limit is let through")
    void deepEnough(int depth) {
        byte[] body = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> JsonBodyCheck.check(body));
    }
}
