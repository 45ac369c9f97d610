package org.confide.consent.ageband.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.confide.allocation.service.AllocationCopyListener;
import org.confide.consent.ageband.repository.AgeBandRepository;
import org.confide.events.EventData;
import org.confide.events.RecordsEvents;
import org.confide.events.age.ConsentAgeBand;

/**
 * R-CONS-6: keeps each client's consent age band from records-events ({@code client.registered},
 * {@code referral.received}, {@code client.age-band-changed}; {@code client.destroyed} forgets it), as a listener of the
 * allocation copy: each event once, in the copy's transaction. A band left out or not one of the three codes is kept as
 * UNKNOWN, the strictest reading.
 */
@ApplicationScoped
public class AgeBandHandler implements AllocationCopyListener {

    @Inject
    AgeBandRepository bands;

    @Inject
    Clock clock;

    /** In the allocation copy's transaction: the band is known exactly when the client is. */
    @Override
    public void copied(String org, EventData event) {
        apply(org, event);
    }

    void apply(String org, EventData event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (event) {
            case RecordsEvents.ClientRegistered c -> bands.set(org, c.clientId(), known(c.ageBand()), now);
            case RecordsEvents.ReferralReceived r -> bands.set(org, r.clientId(), known(r.ageBand()), now);
            case RecordsEvents.ClientAgeBandChanged c -> bands.set(org, c.clientId(), known(c.ageBand()), now);
            case RecordsEvents.ClientDestroyed d -> bands.forget(org, d.clientId());
            default -> {
                // Allocation events: nothing about age.
            }
        }
    }

    private static String known(String band) {
        return band != null && ConsentAgeBand.ALL.contains(band) ? band : ConsentAgeBand.UNKNOWN;
    }
}
