package org.confide.records.ageband.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.confide.events.RecordsEvents;
import org.confide.events.age.ConsentAgeBand;
import org.confide.platform.auth.Actor;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.outbox.Outbox;
import org.confide.records.client.Client;
import org.confide.records.client.Identity;
import org.confide.records.client.service.ClientService;

/**
 * R-CONS-6: the age band consent-service needs, computed here from the sealed date of birth and published as a code
 * ({@code client.registered}, {@code referral.received}, {@code client.age-band-changed}); the date never leaves.
 * An under-16 is remembered (table client_age_band) so that the daily sweep announces the day they turn 16.
 */
@ApplicationScoped
@Transactional
public class AgeBandService {

    /** The rule the band serves, cited by {@code client.age-band-changed}. */
    public static final String RULE = "R-CONS-6";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ClientService clients;

    @Inject
    PlatformConfig platform;

    /** The band of a client being registered (null date: UNKNOWN); an under-16 is kept for the sweep. */
    public String atRegistration(Client client, LocalDate dateOfBirth) {
        String band = ConsentAgeBand.of(dateOfBirth, LocalDate.now(clock));
        if (ConsentAgeBand.UNDER_16.equals(band)) {
            em.createNativeQuery(
                            "insert into client_age_band (client_id, org, band, updated_at) values (?1, ?2, ?3, ?4) "
                                    + "on conflict (client_id) do nothing")
                    .setParameter(1, client.id)
                    .setParameter(2, client.org)
                    .setParameter(3, band)
                    .setParameter(4, OffsetDateTime.now(clock))
                    .executeUpdate();
        }
        return band;
    }

    /** Up to {@code limit} under-16 clients to look at again (destroyed ones are dropped first, R-REC-3). */
    public List<UUID> due(int limit, UUID after) {
        em.createNativeQuery(
                        "delete from client_age_band b using client c where c.id = b.client_id and c.status = 'DESTROYED'")
                .executeUpdate();
        List<?> ids = em.createNativeQuery("select client_id from client_age_band where band = ?1 and client_id > ?2 "
                        + "order by client_id limit ?3")
                .setParameter(1, ConsentAgeBand.UNDER_16)
                .setParameter(2, after)
                .setParameter(3, limit)
                .getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    /**
     * The client's band on {@code today}; when it is no longer UNDER_16, {@code client.age-band-changed} is emitted (as
     * this service acting on its own) and the client is no longer watched. True when it changed.
     */
    public boolean recheck(UUID clientId, LocalDate today) {
        Client client = em.find(Client.class, clientId);
        if (client == null || client.destroyed()) {
            em.createNativeQuery("delete from client_age_band where client_id = ?1")
                    .setParameter(1, clientId)
                    .executeUpdate();
            return false;
        }
        Identity identity = clients.identityOf(client);
        String band = ConsentAgeBand.of(identity == null ? null : identity.dateOfBirth(), today);
        if (ConsentAgeBand.UNDER_16.equals(band)) return false;
        em.createNativeQuery("delete from client_age_band where client_id = ?1")
                .setParameter(1, clientId)
                .executeUpdate();
        outbox.emit(
                new RecordsEvents.ClientAgeBandChanged(client.id.toString(), band, ConsentAgeBand.UNDER_16, RULE),
                Actor.system(platform.serviceName(), client.org),
                null);
        return true;
    }
}
