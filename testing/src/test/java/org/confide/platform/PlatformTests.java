package org.confide.platform;

import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.confide.events.EventData;
import org.confide.events.RecordsEvents;
import org.confide.events.Topics;
import org.confide.platform.auth.Actor;
import org.confide.platform.outbox.Outbox;
import org.confide.testing.ConfideTestResource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What platform's own tests share: one application (this module's test resources: platform alone, with a few test
 * beans), a real broker and a fresh database of its own; SQL on that database, events written through the outbox,
 * and what a topic holds.
 */
@QuarkusTestResource(
        value = ConfideTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "confide_platform_test"))
public final class PlatformTests {

    /** The topic the application's outbox relay publishes to (application.properties). */
    public static final String TOPIC = Topics.RECORDS;

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private PlatformTests() {}

    /** Waits until {@code done} holds; fails naming {@code what} if it never does. */
    public static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) fail("never happened: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    public static DataSource dataSource() {
        return Arc.container().instance(DataSource.class).get();
    }

    /** The first column of every row {@code sql} returns, as text. */
    public static List<String> column(String sql, Object... args) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... args) {
        return Long.parseLong(column(sql, args).getFirst());
    }

    public static void execute(String sql, Object... args) {
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A declared event about client {@code key} (the outbox takes only its topic's declared types, docs/api.md "Events");
     * its note id starts with {@code label}, which the test triggers of V1__platform_tests.sql look for.
     */
    public static EventData note(String label, String key, int n) {
        return new RecordsEvents.NoteWritten(key, label + "-" + n, "SESSION", null);
    }

    /** Writes one event labelled {@code label} per key through the outbox, all in one transaction; their event ids in order. */
    public static List<String> emit(String label, List<String> keys) {
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        Actor actor = new Actor("tester", "practitioner", "org-platform");
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                ids.add(outbox.emit(note(label, keys.get(i), i), actor, null).id());
            }
            return ids;
        });
    }

    /** How many rows of {@code eventIds} the outbox holds that are not yet marked sent. */
    public static long unsent(List<String> eventIds) {
        return count("select count(*) from outbox_event where event_id::text = any (?) and sent_at is null", (Object)
                eventIds.toArray(String[]::new));
    }

    /** Backends of this database waiting for a lock (held by the tests' advisory lock 4242, or behind those). */
    public static long waiting() {
        return count(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    /** A new topic of {@code partitions} partitions, with a name no other test uses. */
    public static String newTopic(String prefix, int partitions) {
        String name = prefix + "-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + name, e);
        }
        return name;
    }

    /** Every record {@code topic} holds now, from the start of each partition to its end at the time of the call. */
    public static List<ConsumerRecord<String, String>> snapshot(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() - deadline > 0) fail("could not read " + topic + " to its end " + end);
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /** The offsets {@code group} has committed, by partition (absent: none committed). */
    public static Map<TopicPartition, Long> committed(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((tp, o) -> {
                if (o != null) out.put(tp, o.offset());
            });
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + group, e);
        }
    }

    /** The end offset of each partition of {@code topic} now. */
    public static Map<TopicPartition, Long> endOffsets(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }
}
