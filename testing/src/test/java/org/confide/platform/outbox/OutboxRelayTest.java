package org.confide.platform.outbox;

import static org.confide.platform.PlatformTests.TOPIC;
import static org.confide.platform.PlatformTests.await;
import static org.confide.platform.PlatformTests.column;
import static org.confide.platform.PlatformTests.committed;
import static org.confide.platform.PlatformTests.count;
import static org.confide.platform.PlatformTests.emit;
import static org.confide.platform.PlatformTests.endOffsets;
import static org.confide.platform.PlatformTests.execute;
import static org.confide.platform.PlatformTests.note;
import static org.confide.platform.PlatformTests.snapshot;
import static org.confide.platform.PlatformTests.unsent;
import static org.confide.platform.PlatformTests.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.confide.platform.PlatformTests;
import org.confide.platform.auth.Actor;
import org.confide.platform.config.PlatformConfig;
import org.confide.platform.kafka.BatchConsumer;
import org.confide.platform.kafka.KafkaClients;
import org.confide.platform.testapp.AbsorbingConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay of the application (the one every service runs) against real PostgreSQL and Kafka: what is committed
 * reaches the topic, in order per key, and is marked sent; a crash between send and mark loses nothing and re-sends,
 * and the idempotent consumer absorbs the copy; two relays on one table neither send a row twice nor leave one behind.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Copies of each event id on the topic now. */
    private static Map<String, Integer> copies(List<String> eventIds) {
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, String> r : snapshot(TOPIC)) {
            String id = id(r);
            if (eventIds.contains(id)) copies.merge(id, 1, Integer::sum);
        }
        return copies;
    }

    private static String id(ConsumerRecord<String, String> r) {
        try {
            return MAPPER.readTree(r.value()).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(int n) {
        List<String> clients = List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        return IntStream.range(0, n)
                .mapToObj(i -> clients.get(i % clients.size()))
                .toList();
    }

    @Test
    @DisplayName(
            "every committed event reaches the topic once, keyed by its client and in commit order per key, exactly as written, and is marked sent; a rolled-back event never does")
    void publishesCommitted() {
        List<String> keys = keys(30);
        List<String> ids = emit("published", keys);
        String[] rolledBack = new String[1];
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    rolledBack[0] = Arc.container()
                            .instance(Outbox.class)
                            .get()
                            .emit(
                                    note("rolled-back", keys.getFirst(), 0),
                                    new Actor("tester", "practitioner", "org-platform"),
                                    null)
                            .id();
                    throw new IllegalStateException("the change failed after its event was written");
                }));
        await("all marked sent", () -> unsent(ids) == 0);

        List<ConsumerRecord<String, String>> records = snapshot(TOPIC);
        Map<String, ConsumerRecord<String, String>> byId = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String id = id(r);
            if (ids.contains(id)) assertEquals(null, byId.put(id, r), "sent twice: " + id);
            assertTrue(!id.equals(rolledBack[0]), "a rolled-back event was published");
        }
        assertEquals(ids.size(), byId.size(), "events published");
        for (int i = 0; i < ids.size(); i++) {
            ConsumerRecord<String, String> r = byId.get(ids.get(i));
            assertEquals(keys.get(i), r.key());
            assertEquals(
                    column("select payload from outbox_event where event_id::text = ?", ids.get(i))
                            .getFirst(),
                    r.value());
        }
        for (String key : new java.util.TreeSet<>(keys)) {
            List<String> written = IntStream.range(0, ids.size())
                    .filter(i -> keys.get(i).equals(key))
                    .mapToObj(ids::get)
                    .toList();
            List<String> published = records.stream()
                    .filter(r -> key.equals(r.key()))
                    .map(OutboxRelayTest::id)
                    .filter(ids::contains)
                    .toList();
            assertEquals(written, published, "order of " + key);
        }
        assertEquals(0, count("select count(*) from outbox_event where event_id::text = ?", rolledBack[0]));
    }

    @Test
    @DisplayName(
            "a relay crash between send and mark-sent loses nothing: the batch is sent again, and the idempotent consumer applies each event once")
    void crashBetweenSendAndMark() throws Exception {
        execute("alter sequence crash_count restart");
        execute("insert into crash_plan (failures) values (1)");
        List<String> ids;
        try {
            ids = emit("crash", keys(10));
            await("all marked sent after the crash", () -> unsent(ids) == 0);
        } finally {
            execute("delete from crash_plan");
        }
        Map<String, Integer> copies = copies(ids);
        assertEquals(ids.size(), copies.size(), "events lost: published " + copies.keySet() + " of " + ids);
        int total = copies.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total > ids.size(), "the batch sent before the crash was not sent again: " + copies);

        // The consumer side: every copy read, each event applied once.
        String group = "absorbing-" + UUID.randomUUID();
        KafkaClients kafka = Arc.container().instance(KafkaClients.class).get();
        AbsorbingConsumer absorbing =
                Arc.container().instance(AbsorbingConsumer.class).get();
        var end = endOffsets(TOPIC);
        try (BatchConsumer consumer = new BatchConsumer(
                        kafka.consumer(group, group, 7), List.of(TOPIC), absorbing::handle, "absorbing")
                .start()) {
            await("every copy consumed", () -> {
                var done = committed(group);
                return end.entrySet().stream().allMatch(e -> done.getOrDefault(e.getKey(), 0L) >= e.getValue());
            });
        }
        for (String id : ids) {
            assertEquals(
                    1,
                    count(
                            "select count(*) from applied_event where consumer = ? and event_id = ?",
                            AbsorbingConsumer.CONSUMER,
                            id),
                    "times " + id + " was applied");
        }
    }

    @Test
    @DisplayName(
            "two relays on one outbox table: while one has sent a batch and not yet marked it, the other sends none of it; every event goes out once")
    void twoRelays() throws Exception {
        OutboxRelay second = secondRelay();
        try (Connection lock = PlatformTests.dataSource().getConnection();
                Statement st = lock.createStatement()) {
            st.execute("select pg_advisory_lock(4242)");
            List<String> ids;
            CompletableFuture<Integer> sent;
            try {
                ids = emit("hold-mark", keys(20));
                // The application's relay takes the batch, sends it and stops at marking it sent, its rows locked.
                await("the first relay holding its batch", () -> waiting() >= 1);
                sent = CompletableFuture.supplyAsync(second::publishBatch);
                await("the second relay done or held", () -> sent.isDone() || waiting() >= 2);
            } finally {
                st.execute("select pg_advisory_unlock(4242)");
            }
            sent.get(60, TimeUnit.SECONDS);
            await("all marked sent", () -> unsent(ids) == 0);
            Map<String, Integer> copies = copies(ids);
            assertEquals(ids.size(), copies.size(), "events lost: " + copies.keySet() + " of " + ids);
            copies.forEach((id, n) -> assertEquals(1, n, "copies of " + id + ": " + copies));
        } finally {
            closeProducer(second);
        }
        // And with nothing held, the second relay takes what the first has not: nothing left unsent, nothing twice.
        List<String> more = emit("two-relays", keys(50));
        second();
        await("all marked sent", () -> unsent(more) == 0);
        Map<String, Integer> copies = copies(more);
        assertEquals(more.size(), copies.size());
        copies.forEach((id, n) -> assertEquals(1, n, "copies of " + id));
    }

    /** Runs a second relay's batches, beside the application's, until it finds nothing; how many it published. */
    private static int second() throws Exception {
        OutboxRelay relay = secondRelay();
        try {
            int total = 0;
            int n;
            do {
                n = relay.publishBatch();
                total += n;
            } while (n > 0);
            return total;
        } finally {
            closeProducer(relay);
        }
    }

    /** A second relay on the same table (another replica of the service), run by the test one batch at a time. */
    private static OutboxRelay secondRelay() throws Exception {
        OutboxRelay relay = new OutboxRelay();
        relay.config = Arc.container().instance(PlatformConfig.class).get();
        relay.kafka = Arc.container().instance(KafkaClients.class).get();
        relay.em = Arc.container().instance(EntityManager.class).get();
        producer().set(relay, relay.kafka.producer("platform-tests-second-relay"));
        return relay;
    }

    private static void closeProducer(OutboxRelay relay) throws Exception {
        ((KafkaProducer<?, ?>) producer().get(relay)).close();
    }

    private static Field producer() throws NoSuchFieldException {
        Field f = OutboxRelay.class.getDeclaredField("producer");
        f.setAccessible(true);
        return f;
    }
}
