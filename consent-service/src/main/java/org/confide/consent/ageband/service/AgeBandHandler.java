package org.confide.consent.ageband.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.confide.consent.ageband.repository.AgeBandRepository;
import org.confide.events.EventData;
import org.confide.events.Events;
import org.confide.events.RecordsEvents;
import org.confide.events.age.ConsentAgeBand;
import org.confide.platform.allocation.ProcessedEvents;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.events.EventJson;
import org.jboss.logging.Logger;

/**
 * R-CONS-6: keeps each client's consent age band from records-events ({@code client.registered},
 * {@code referral.received}, {@code client.age-band-changed}; {@code client.destroyed} forgets it), each event once
 * (processed_event, consumer {@value #CONSUMER}), the whole batch in one transaction. A band left out or not one of the
 * three codes is kept as UNKNOWN, the strictest reading.
 */
@ApplicationScoped
public class AgeBandHandler {

    static final String CONSUMER = "age-band";
    private static final Logger LOG = Logger.getLogger(AgeBandHandler.class);

    /** The types the band is read from. */
    static final Set<String> READ = Stream.of(
                    RecordsEvents.ClientRegistered.class,
                    RecordsEvents.ReferralReceived.class,
                    RecordsEvents.ClientAgeBandChanged.class,
                    RecordsEvents.ClientDestroyed.class)
            .map(c -> Events.of(c).name())
            .collect(Collectors.toUnmodifiableSet());

    @Inject
    ObjectMapper mapper;

    @Inject
    ProcessedEvents processed;

    @Inject
    AgeBandRepository bands;

    @Inject
    Clock clock;

    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch) {
        for (ConsumerRecord<String, String> r : batch) {
            CloudEvent e;
            EventData data;
            try {
                e = CloudEvent.parse(mapper, r.value());
                if (!READ.contains(e.type())) continue; // other records events say nothing about age
                data = EventJson.read(mapper, e);
            } catch (CloudEvent.InvalidEventException bad) {
                LOG.warnf("ignoring %s[%d]@%d: %s", r.topic(), r.partition(), r.offset(), bad.getMessage());
                continue;
            }
            if (processed.firstTime(CONSUMER, e.id())) {
                apply(e.org(), data);
            }
        }
    }

    void apply(String org, EventData event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (event) {
            case RecordsEvents.ClientRegistered c -> bands.set(org, c.clientId(), known(c.ageBand()), now);
            case RecordsEvents.ReferralReceived r -> bands.set(org, r.clientId(), known(r.ageBand()), now);
            case RecordsEvents.ClientAgeBandChanged c -> bands.set(org, c.clientId(), known(c.ageBand()), now);
            case RecordsEvents.ClientDestroyed d -> bands.forget(org, d.clientId());
            default -> {
                // Not read (READ filters these out).
            }
        }
    }

    private static String known(String band) {
        return band != null && ConsentAgeBand.ALL.contains(band) ? band : ConsentAgeBand.UNKNOWN;
    }
}
