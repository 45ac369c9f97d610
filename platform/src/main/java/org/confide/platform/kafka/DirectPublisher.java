package org.confide.platform.kafka;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.confide.events.EventData;
import org.confide.events.Events;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.events.CloudEvent;
import org.confide.platform.outbox.Outbox;
import org.confide.platform.outbox.OutboxEvent;
import org.confide.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Publishes an event that records no row change (a consent decision) straight to Kafka and returns once the broker
 * acknowledged it ({@code acks=all}, idempotent producer): the outbox exists to make a row change and its event atomic,
 * and here there is no row. Not acknowledged within the deadline: 503 problem+json, so that nothing is answered that
 * was not recorded. The envelope is the outbox's ({@link Outbox#row}), so consumers cannot tell the two apart.
 */
@ApplicationScoped
public class DirectPublisher {

    private static final Logger LOG = Logger.getLogger(DirectPublisher.class);
    private static final byte[] CLOUDEVENTS_JSON = Events.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    @Inject
    KafkaClients kafka;

    @Inject
    Outbox outbox;

    @Inject
    PlatformConfig config;

    private volatile KafkaProducer<String, String> producer;

    /** The current caller's event, on Kafka and acknowledged within {@code deadline}; otherwise a 503 is thrown. */
    public CloudEvent publish(EventData data, Duration deadline) {
        OutboxEvent row = outbox.row(data);
        long end = System.nanoTime() + deadline.toNanos();
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.messageKey, row.payload);
        // CloudEvents Kafka protocol binding, structured mode, as the outbox relay sends it.
        record.headers().add("content-type", CLOUDEVENTS_JSON);
        try {
            Future<RecordMetadata> ack = producer(deadline).send(record);
            ack.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            return row.event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(row, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw unavailable(row, e);
        }
    }

    private KafkaProducer<String, String> producer(Duration deadline) {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    p = kafka.directProducer(config.serviceName() + "-direct", deadline);
                    producer = p;
                }
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent event) {
        KafkaProducer<String, String> p = producer;
        if (p != null) p.close(Duration.ofSeconds(5));
    }

    private static ProblemException unavailable(OutboxEvent row, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        LOG.warnf(
                "Kafka did not acknowledge %s in time (%s): answered 503",
                row.eventType, cause.getClass().getSimpleName());
        return notAcknowledged();
    }

    /** The 503 of an answer whose record Kafka did not take in time (docs/api.md). */
    public static ProblemException notAcknowledged() {
        return new ProblemException(
                503,
                "Service Unavailable",
                "the event broker did not acknowledge the record of this answer in time, so none is given; try again",
                null,
                null);
    }
}
