package org.confide.records.supervision.rule;

import java.time.LocalDate;
import java.time.Period;

/** R-CONF-2: the supervisor learns an age band, never the date of birth. Plain Java. */
public final class AgeBand {

    private AgeBand() {}

    public static String of(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null || dateOfBirth.isAfter(today)) return "UNKNOWN";
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < 16) return "UNDER_16";
        if (age < 18) return "16-17";
        if (age < 25) return "18-24";
        if (age < 35) return "25-34";
        if (age < 50) return "35-49";
        if (age < 65) return "50-64";
        return "65+";
    }
}
