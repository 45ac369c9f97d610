package org.confide.records.supervision.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.confide.records.supervision.rule.IdentifierDetector.Identifiers;
import org.confide.records.supervision.rule.IdentifierDetector.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierDetectorTest {

    private final IdentifierDetector detector = new IdentifierDetector();
    private static final Identifiers SAM = new Identifiers(
            "Samantha O'Neill-Hope", LocalDate.of(1990, 2, 3), "sam.oneill@example.org", "+44 7700 900123");
    private static final Identifiers ANN =
            new Identifiers("Ann Will", LocalDate.of(2009, 11, 12), null, "07700 900456");

    @DisplayName(
            "R-CONF-2: the client's name (any part, any case), birth date (common UK forms), email and phone (however spaced) are caught; other names, words and dates pass")
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // name: any part of it, any case, whole words
                "SAM | Samantha talked about work                  | NAME",
                "SAM | SAMANTHA was quiet                          | NAME",
                "SAM | o'neill-hope family conflict                | NAME",
                "SAM | she said hope was gone                      | NAME",
                "SAM | Mrs O’Neill rang                            | NAME",
                "ANN | ann seemed calmer                            | NAME",
                "ANN | she will attend next week                    | NAME",
                // not the client's name: other names, words containing a part of it, initials
                "SAM | she spoke about her sister Grace            | ",
                "SAM | hopeful about the new job                    | ",
                "ANN | the annual review went well                  | ",
                "ANN | goodwill from colleagues                     | ",
                "SAM | S. seemed tired                              | ",
                // date of birth, common UK forms
                "SAM | born 03/02/1990                              | DATE_OF_BIRTH",
                "SAM | dob 3/2/90                                   | DATE_OF_BIRTH",
                "SAM | DOB 1990-02-03                               | DATE_OF_BIRTH",
                "SAM | birthday 3 Feb 1990                          | DATE_OF_BIRTH",
                "SAM | born on the 3rd of February 1990             | DATE_OF_BIRTH",
                "SAM | February 3rd, 1990                           | DATE_OF_BIRTH",
                "SAM | 03.02.1990                                   | DATE_OF_BIRTH",
                "SAM | 03-02-1990                                   | DATE_OF_BIRTH",
                "SAM | 03021990                                     | DATE_OF_BIRTH",
                "SAM | 03 02 1990                                   | DATE_OF_BIRTH",
                // dates that are not the birth date (including the US reading of it)
                "SAM | session on 03/02/2024                        | ",
                "SAM | 02/03/1990 was her first day at school       | ",
                "SAM | review due 3 March 1990                      | ",
                "SAM | 1990 was a hard year                         | ",
                // email, however spaced or spelled out (this one also holds a part of her name)
                "SAM | wrote from sam.oneill@example.org            | NAME EMAIL",
                "SAM | SAM.ONEILL @ EXAMPLE.ORG                     | NAME EMAIL",
                "SAM | sam.oneill at example dot org                | NAME EMAIL",
                "SAM | another@example.org wrote                    | ",
                // phone, however spaced or prefixed
                "SAM | call 07700 900123                            | PHONE",
                "SAM | +44 (0)7700-900-123                          | PHONE",
                "SAM | 0044 7700 900 123                            | PHONE",
                "SAM | 077009 00123                                 | PHONE",
                "SAM | the office is 07700 900999                   | ",
                "ANN | +447700900456                                | PHONE",
                // several at once
                "SAM | Samantha, 3/2/1990, 07700900123              | NAME DATE_OF_BIRTH PHONE",
                "SAM | anxious about exams, sleeping badly          | ",
            })
    void detects(String who, String text, String expected) {
        Identifiers id = who.equals("SAM") ? SAM : ANN;
        Set<Kind> want = expected == null
                ? EnumSet.noneOf(Kind.class)
                : Arrays.stream(expected.trim().split("\\s+"))
                        .map(Kind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        assertEquals(want, detector.find(text, id));
    }

    @DisplayName("R-CONF-2: the supervisor's age band, never the birth date")
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "2011-05-01, 2026-12-01, UNDER_16",
                "2010-12-01, 2026-12-01, 16-17",
                "2008-12-02, 2026-12-01, 16-17",
                "2008-12-01, 2026-12-01, 18-24",
                "1990-02-03, 2026-12-01, 35-49",
                "1950-01-01, 2026-12-01, 65+",
                "null,       2026-12-01, UNKNOWN",
            })
    void ageBand(LocalDate dob, LocalDate today, String band) {
        assertEquals(band, AgeBand.of(dob, today));
    }
}
