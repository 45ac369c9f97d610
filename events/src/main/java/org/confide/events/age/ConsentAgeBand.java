package org.confide.events.age;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * The age band records-service publishes so that consent-service can apply R-CONS-5 and R-CONS-6 without holding a
 * date of birth (records-service's published contract, as {@code ClientAccessRule} is). Three codes only, because
 * consent law turns on one age: from 16 capacity is presumed (Mental Capacity Act 2005), under 16 it is not (Gillick).
 * <ul>
 *   <li>{@link #UNDER_16}: the date of birth says under 16 today.</li>
 *   <li>{@link #SIXTEEN_OR_OVER} ({@code 16_OR_OVER}): the date of birth says 16 or over today.</li>
 *   <li>{@link #UNKNOWN}: no date of birth is held (none given, an anonymous group member, R-CONF-4) or it lies in the
 *       future.</li>
 * </ul>
 * Plain Java, no framework types.
 */
public final class ConsentAgeBand {

    public static final String UNDER_16 = "UNDER_16";
    public static final String SIXTEEN_OR_OVER = "16_OR_OVER";
    public static final String UNKNOWN = "UNKNOWN";
    public static final Set<String> ALL = Set.of(UNDER_16, SIXTEEN_OR_OVER, UNKNOWN);

    /** The age at which capacity is presumed (R-CONS-5) and below which competence must be assessed (R-CONS-6). */
    public static final int PRESUMPTION_AGE = 16;

    private ConsentAgeBand() {}

    /** The band of a person born on {@code dateOfBirth} (null: unknown) on {@code today}. */
    public static String of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null || dateOfBirth.isAfter(today)) return UNKNOWN;
        return Period.between(dateOfBirth, today).getYears() < PRESUMPTION_AGE ? UNDER_16 : SIXTEEN_OR_OVER;
    }
}
