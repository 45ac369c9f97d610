package org.confide.records.retention.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.platform.auth.Actor;
import org.confide.platform.config.PlatformConfig;
import org.confide.records.client.repository.ClientRepository;
import org.confide.records.config.RecordsConfig;
import org.jboss.logging.Logger;

/**
 * R-REC-3: destroys every due client of an organisation in batches (each its own transaction), on request
 * (POST /retention/run) and daily for every organisation, as this service acting on its own.
 */
@ApplicationScoped
public class RetentionRun {

    private static final Logger LOG = Logger.getLogger(RetentionRun.class);

    @Inject
    RetentionService service;

    @Inject
    ClientRepository clients;

    @Inject
    RecordsConfig config;

    @Inject
    PlatformConfig platform;

    @Scheduled(
            identity = "records-retention-run",
            cron = "${confide.records.retention.cron:0 15 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (!config.retention().scheduled()) return;
        List<String> orgs = QuarkusTransaction.requiringNew().call(clients::orgsWithCeasedClients);
        for (String org : orgs) {
            List<UUID> destroyed = run(
                    org,
                    Actor.system(platform.serviceName(), org),
                    UUID.randomUUID().toString());
            if (!destroyed.isEmpty()) LOG.infof("retention destroyed %d clients of %s", destroyed.size(), org);
        }
    }

    /** Every due client of {@code org}, batch after batch until none is left; the ids destroyed. */
    public List<UUID> run(String org, Actor actor, String correlationId) {
        List<UUID> all = new ArrayList<>();
        while (true) {
            List<UUID> batch =
                    QuarkusTransaction.requiringNew().call(() -> service.runBatch(org, actor, correlationId));
            all.addAll(batch);
            if (batch.size() < config.retention().batchSize()) return all;
        }
    }
}
