package org.confide.audit.checkpoint.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.confide.audit.config.AuditConfig;
import org.confide.audit.tree.service.TreeIntegrator;
import org.confide.platform.db.DatabaseBootstrap;
import org.jboss.logging.Logger;

/**
 * Every tick: for each organisation with uncovered entries, integrate its tree up to the chain head and sign a
 * checkpoint when one is due. With the defaults (tick 1 s, interval 5 s) a new entry is covered within 10 s.
 */
@ApplicationScoped
public class CheckpointScheduler {

    private static final Logger LOG = Logger.getLogger(CheckpointScheduler.class);
    /** Chunks integrated per organisation per tick, so that one huge backlog does not starve the others. */
    private static final int CHUNKS_PER_TICK = 20;

    @Inject
    AuditConfig config;

    @Inject
    TreeIntegrator integrator;

    @Inject
    Checkpointer checkpointer;

    @Inject
    org.confide.audit.witness.service.WitnessSender witnesses;

    private ScheduledExecutorService executor;

    void start(@Observes @Priority(DatabaseBootstrap.PRIORITY + 20) StartupEvent event) {
        if (!config.checkpoint().enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long tick = config.checkpoint().tick().toMillis();
        executor.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    void tick() {
        try {
            for (String org : checkpointer.pending()) {
                try {
                    long before = -1;
                    for (int i = 0; i < CHUNKS_PER_TICK; i++) {
                        long size = integrator.integrateChunk(org);
                        if (size == before) break;
                        before = size;
                    }
                    var signed = checkpointer.signIfDue(org, Instant.now());
                    if (signed != null) witnesses.send(signed); // after the commit: no HTTP inside a transaction
                } catch (Exception e) {
                    LOG.errorf(e, "checkpoint of %s failed; retried next tick", org);
                }
            }
        } catch (Exception e) {
            LOG.error("checkpoint tick failed; retried next tick", e);
        }
    }
}
