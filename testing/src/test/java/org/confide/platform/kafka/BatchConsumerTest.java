package org.confide.platform.kafka;

import static org.confide.platform.PlatformTests.await;
import static org.confide.platform.PlatformTests.committed;
import static org.confide.platform.PlatformTests.endOffsets;
import static org.confide.platform.PlatformTests.newTopic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The consumers' transport (BatchConsumer, with the consumers KafkaClients makes): a batch's offsets are committed
 * only after its handler returned, and a batch whose handler failed is offered again from its first record.
 */
@QuarkusTest
class BatchConsumerTest {

    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 5;

    /** What a process dying in the middle of a batch looks like to the consumer thread: nothing it catches. */
    static final class Crash extends Error {
        Crash() {
            super("simulated process crash inside the handler", null, false, false);
        }
    }

    private static KafkaClients kafka() {
        return Arc.container().instance(KafkaClients.class).get();
    }

    /** {@code perPartition} records in each partition, values {@code prefix-p-i}, in order; their values. */
    private static List<String> produce(String topic, String prefix, int perPartition) throws Exception {
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> producer = kafka().producer("batch-consumer-test")) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int i = 0; i < perPartition; i++) {
                    String value = prefix + "-" + p + "-" + i;
                    producer.send(new ProducerRecord<>(topic, p, "key-" + p, value))
                            .get();
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static BatchConsumer consumer(String topic, String group, BatchConsumer.Handler handler) {
        return new BatchConsumer(
                        kafka().consumer(group, group + "-" + UUID.randomUUID(), 100),
                        List.of(topic),
                        handler,
                        "batch-consumer-test")
                .start();
    }

    @Test
    @DisplayName(
            "a consumer that dies inside its handler has committed nothing: the next consumer of the group gets the whole batch")
    void crashInHandlerCommitsNothing() throws Exception {
        String topic = newTopic("batch-crash", PARTITIONS);
        String group = "crash-" + UUID.randomUUID();
        List<String> batch = produce(topic, "before", PER_PARTITION);

        AtomicInteger offered = new AtomicInteger();
        BatchConsumer dying = consumer(topic, group, records -> {
            offered.addAndGet(records.size());
            throw new Crash();
        });
        await("the first consumer was offered a batch", () -> offered.get() > 0);
        dying.close();
        assertTrue(
                committed(group).isEmpty(),
                "offsets committed by a consumer whose handler never returned: " + committed(group));

        // One more record per partition after the batch: once the next consumer has it, it has read everything after
        // the group's committed offsets.
        List<String> after = produce(topic, "after", 1);
        Set<String> handled = Collections.synchronizedSet(new TreeSet<>());
        try (BatchConsumer next = consumer(topic, group, records -> records.forEach(r -> handled.add(r.value())))) {
            await("the next consumer handled the records after the batch", () -> handled.containsAll(after));
            assertTrue(handled.containsAll(batch), "records lost by the crash: " + missing(batch, handled));
            await("offsets committed to the end", () -> committed(group).equals(endOffsets(topic)));
        }
    }

    @Test
    @DisplayName(
            "a batch whose handler failed is rewound and offered again from its first record; nothing after it is handled first, nothing is skipped")
    void failedBatchIsRetried() throws Exception {
        String topic = newTopic("batch-retry", PARTITIONS);
        String group = "retry-" + UUID.randomUUID();
        List<String> batch = produce(topic, "before", PER_PARTITION);

        AtomicInteger failures = new AtomicInteger();
        List<List<String>> offers = Collections.synchronizedList(new ArrayList<>());
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        BatchConsumer.Handler handler = records -> {
            List<String> values = records.stream().map(ConsumerRecord::value).toList();
            offers.add(values);
            if (failures.get() < 1) {
                failures.incrementAndGet();
                throw new IllegalStateException("the database refused this batch");
            }
            handled.addAll(values);
        };
        try (BatchConsumer consumer = consumer(topic, group, handler)) {
            await("a failed attempt", () -> failures.get() == 1);
            List<String> after = produce(topic, "after", 1);
            await("the records after the failed batch handled", () -> handled.containsAll(after));
            assertTrue(handled.containsAll(batch), "records skipped after a failed batch: " + missing(batch, handled));
            // After the failed offer, each of its partitions is offered again from the failed offer's first record.
            for (int p = 0; p < PARTITIONS; p++) {
                String partition = "-" + p + "-";
                List<String> own = offers.getFirst().stream()
                        .filter(v -> v.contains(partition))
                        .toList();
                if (own.isEmpty()) continue;
                String again = offers.subList(1, offers.size()).stream()
                        .flatMap(List::stream)
                        .filter(v -> v.contains(partition))
                        .findFirst()
                        .orElse(null);
                assertEquals(own.getFirst(), again, "partition " + p + " after the failed offer: " + offers);
            }
            for (int p = 0; p < PARTITIONS; p++) {
                String partition = "-" + p + "-";
                assertEquals(
                        handled.stream().filter(v -> v.contains(partition)).toList(),
                        java.util.stream.Stream.concat(batch.stream(), after.stream())
                                .filter(v -> v.contains(partition))
                                .toList(),
                        "partition " + p + " handled once each, in order");
            }
            await("offsets committed to the end", () -> committed(group).equals(endOffsets(topic)));
        }
    }

    private static List<String> missing(List<String> expected, Set<String> got) {
        return expected.stream().filter(v -> !got.contains(v)).toList();
    }

    private static List<String> missing(List<String> expected, List<String> got) {
        return missing(expected, new TreeSet<>(got));
    }
}
