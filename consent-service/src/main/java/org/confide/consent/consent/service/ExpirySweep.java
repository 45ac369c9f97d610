package org.confide.consent.consent.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.confide.consent.config.ConsentConfig;
import org.confide.consent.consent.Consent;
import org.confide.consent.consent.repository.ConsentRepository;
import org.confide.platform.auth.Actor;
import org.confide.platform.config.PlatformConfig;
import org.jboss.logging.Logger;

/**
 * R-CONS-4 (consent may be time-limited): marks ACTIVE consents past {@code validUntil} EXPIRED, records the change
 * in their history and emits {@code consent.expired}, as this service acting on its own. Batches lock with
 * {@code SKIP LOCKED}, so replicas share the work and a consent is expired once.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    @Inject
    ConsentRepository consents;

    @Inject
    ConsentService service;

    @Inject
    ConsentConfig config;

    @Inject
    PlatformConfig platform;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "consent-expiry-sweep",
            every = "${confide.consent.expiry-sweep.every:1m}",
            delayed = "${confide.consent.expiry-sweep.delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.expirySweep().enabled()) {
            int n = sweep();
            if (n > 0) LOG.infof("expired %d consents past their validUntil", n);
        }
    }

    /** Runs batches until no ACTIVE consent past its end is left; the number expired. */
    public int sweep() {
        int total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(this::batch);
            total += n;
            if (n < config.expirySweep().batchSize()) return total;
        }
    }

    private int batch() {
        Instant now = clock.instant();
        List<Consent> due = consents.expiredButActive(
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                config.expirySweep().batchSize());
        for (Consent c : due) {
            service.expire(c, Actor.system(platform.serviceName(), c.org), now);
        }
        return due.size();
    }
}
