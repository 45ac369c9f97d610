package org.confide.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one {@link Clock} every service injects instead of calling {@code Instant.now()}: rules take
 * the time as an argument, so a test can fix it and a rule table can name dates.
 */
@ApplicationScoped
public class Clocks {

    /** UTC, the zone every stored time and every event is in (docs/api.md: times are RFC 3339 in UTC). */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
