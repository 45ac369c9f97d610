package org.confide.events.age;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentAgeBandTest {

    @DisplayName("R-CONS-6: the band turns on the 16th birthday; no date (or one in the future) is UNKNOWN")
    @ParameterizedTest(name = "born {0}, on {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "2010-12-04, 2026-12-03, UNDER_16", // the day before the 16th birthday
                "2010-12-03, 2026-12-03, 16_OR_OVER", // the birthday
                "1990-04-01, 2026-12-03, 16_OR_OVER",
                "2026-01-01, 2026-12-03, UNDER_16",
                "2008-02-29, 2024-02-28, UNDER_16", // born on 29 February, 2024 being a leap year
                "2008-02-29, 2024-02-29, 16_OR_OVER",
                "null,       2026-12-03, UNKNOWN",
                "2027-01-01, 2026-12-03, UNKNOWN",
            })
    void band(LocalDate born, LocalDate on, String band) {
        assertEquals(band, ConsentAgeBand.of(born, on));
    }
}
