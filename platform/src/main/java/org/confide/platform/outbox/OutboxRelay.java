package org.confide.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.confide.events.Events;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.db.DatabaseBootstrap;
import org.confide.platform.kafka.KafkaClients;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, oldest first, and marks rows sent in the same transaction that locked them
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work). Kafka down: nothing is marked, the outbox
 * grows, and the relay retries with a doubling backoff. A crash between send and mark re-sends; consumers
 * absorb duplicates by event id. Sent events are deleted once older than the retention (R-REC-3), by
 * {@link #purge()}, which the relay runs every purge interval.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CONTENT_TYPE = "content-type";
    static final byte[] CLOUDEVENTS_JSON = Events.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    @Inject
    PlatformConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    EntityManager em;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    void start(@Observes @Priority(DatabaseBootstrap.PRIORITY + 10) StartupEvent event) {
        if (!config.outbox().enabled() || config.topic().isEmpty()) {
            return;
        }
        producer = kafka.producer(config.serviceName() + "-outbox");
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
        LOG.infof("outbox relay publishing to %s", config.topic().get());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.interrupt();
            thread.join(10_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** A commit that wrote events wakes the relay at once instead of at the next poll. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake();
    }

    /** Wakes the relay at once instead of at its next poll. */
    void wake() {
        wake.release();
    }

    /** Events published since start (for health and benchmarks). */
    public long published() {
        return published.get();
    }

    private void loop() {
        long backoff = 100;
        long nextPurge = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextPurge >= 0) {
                    nextPurge =
                            System.nanoTime() + config.outbox().purgeInterval().toNanos();
                    int purged = purge();
                    if (purged > 0)
                        LOG.infof(
                                "outbox: deleted %d sent events older than %s",
                                purged, config.outbox().retention());
                }
                if (wake.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(config.outbox().linger().toMillis()); // let the commits of the next moments join
                }
                wake.drainPermits();
                int sent;
                do {
                    sent = publishBatch();
                } while (running && sent == config.outbox().batchSize());
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", rootMessage(e), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.outbox().maxBackoff().toMillis());
            }
        }
    }

    /**
     * Deletes the events sent longer ago than the retention ({@code CONFIDE_OUTBOX_RETENTION}), in batches of its own
     * transactions; an unsent event stays whatever its age. Returns how many were deleted.
     */
    public int purge() {
        java.time.OffsetDateTime cutoff = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .minus(config.outbox().retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery(
                                    "DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event WHERE sent_at < ?1 "
                                            + "ORDER BY id LIMIT 5000 FOR UPDATE SKIP LOCKED)")
                            .setParameter(1, cutoff)
                            .executeUpdate());
            total += deleted;
        } while (deleted == 5000 && running);
        return total;
    }

    @SuppressWarnings("unchecked")
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> rows = em.createNativeQuery(
                            "SELECT * FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT :n FOR UPDATE SKIP LOCKED",
                            OutboxEvent.class)
                    .setParameter("n", config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.messageKey, row.payload);
                // CloudEvents Kafka protocol binding, structured mode: what tells any CloudEvents SDK how to read it.
                record.headers().add(CONTENT_TYPE, CLOUDEVENTS_JSON);
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            List<Long> ids = rows.stream().map(r -> r.id).toList();
            // Marking sent need not wait for a WAL flush: a mark lost in a crash only re-sends rows, which consumers
            // absorb by event id, and the request path's own durable commits no longer queue behind this one.
            em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
            em.createNativeQuery("UPDATE outbox_event SET sent_at = now() WHERE id IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
            published.addAndGet(rows.size());
            return rows.size();
        });
    }

    // Not woken by new writes: while Kafka is down, each commit must not become another attempt.
    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
