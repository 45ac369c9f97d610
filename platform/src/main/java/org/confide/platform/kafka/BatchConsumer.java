package org.confide.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The transport half of a consumer: polls a batch, hands it to the {@link Handler}, and commits the offsets
 * only after the handler returned (its database transaction committed). A handler failure rewinds to the
 * batch's first offsets and retries after a backoff, so nothing is skipped; handlers must be idempotent.
 */
public final class BatchConsumer implements AutoCloseable {

    /** The business half: processes one batch in its own transaction, or throws to have it retried. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<ConsumerRecord<String, String>> batch) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final Collection<String> topics;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;

    public BatchConsumer(
            KafkaConsumer<String, String> consumer, Collection<String> topics, Handler handler, String name) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
    }

    public BatchConsumer start() {
        thread.start();
        return this;
    }

    private void loop() {
        long backoff = 200;
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, String>> batch = new java.util.ArrayList<>(records.count());
                records.forEach(batch::add);
                try {
                    handler.handle(batch);
                } catch (Exception e) {
                    LOG.warnf(e, "batch of %d records failed; retrying in %d ms", batch.size(), backoff);
                    rewind(batch);
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, 10_000);
                    continue;
                }
                backoff = 200;
                try {
                    consumer.commitSync(nextOffsets(batch));
                } catch (RuntimeException e) {
                    // The batch is stored; it will be offered again and absorbed by event id.
                    LOG.warnf("offset commit failed (%s); records may be redelivered", e.getMessage());
                }
            }
        } catch (WakeupException e) {
            if (running) throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void rewind(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> r : batch) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, String>> batch) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, String> r : batch) {
            next.merge(
                    new TopicPartition(r.topic(), r.partition()),
                    new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return next;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
