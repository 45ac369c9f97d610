package org.confide.records.ageband.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.confide.records.config.RecordsConfig;
import org.jboss.logging.Logger;

/**
 * R-CONS-6: once a day, finds the under-16 clients who have turned 16 and announces their new band
 * ({@code client.age-band-changed}), so that consent-service's copy moves with time without a date of birth. Each
 * client is looked at in its own transaction.
 */
@ApplicationScoped
public class AgeBandSweep {

    private static final Logger LOG = Logger.getLogger(AgeBandSweep.class);
    private static final int BATCH = 200;

    @Inject
    AgeBandService service;

    @Inject
    Clock clock;

    @Inject
    RecordsConfig config;

    @Scheduled(
            identity = "records-age-band-sweep",
            cron = "${confide.records.age-band.cron:0 5 0 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (!config.ageBand().scheduled()) return;
        int n = sweep(LocalDate.now(clock));
        if (n > 0) LOG.infof("%d clients turned 16 (client.age-band-changed)", n);
    }

    /** Every watched client's band on {@code today}; the number whose band changed. */
    public int sweep(LocalDate today) {
        int changed = 0;
        UUID after = new UUID(0, 0); // the lowest uuid in PostgreSQL's order
        while (true) {
            UUID from = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> service.due(BATCH, from));
            for (UUID id : batch) {
                if (QuarkusTransaction.requiringNew().call(() -> service.recheck(id, today))) changed++;
            }
            if (batch.size() < BATCH) return changed;
            after = batch.getLast();
        }
    }
}
