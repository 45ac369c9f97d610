package org.confide.records.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** The stored forms of "now" read from the injected {@link Clock} (platform Clocks), never from the system clock. */
public final class Times {

    private Times() {}

    /** Now in UTC to the millisecond: what PostgreSQL keeps, so a value reads back equal to what was written. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today's date in the clock's zone (UTC). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
