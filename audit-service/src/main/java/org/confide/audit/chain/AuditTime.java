package org.confide.audit.chain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times in the chain are kept to the millisecond and written as RFC 3339 UTC, the same way every time. */
public final class AuditTime {

    private AuditTime() {}

    public static OffsetDateTime normalise(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static String format(OffsetDateTime t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
