package org.confide.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds Kafka clients from the {@code kafka.*} configuration (bootstrap servers, security) that
 * quarkus-kafka-client collects, with the settings Confide relies on fixed here, once.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /** Idempotent, {@code acks=all}: a published event is on every in-sync replica, once, in order per key. */
    public KafkaProducer<String, String> producer(String clientId) {
        Properties p = base();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Fail fast while the broker is down: the outbox keeps the events and the relay retries.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /**
     * As {@link #producer(String)}, for a request that waits for the acknowledgement ({@link DirectPublisher}): sent at
     * once (no linger), and giving up, blocked or in flight, after {@code deadline}.
     */
    public KafkaProducer<String, String> directProducer(String clientId, Duration deadline) {
        Properties p = base();
        String ms = String.valueOf(Math.max(1, deadline.toMillis()));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** Offsets are committed by the caller, after its database commit; never automatically. */
    public KafkaConsumer<String, String> consumer(String groupId, String clientId, int maxPollRecords) {
        return consumer(groupId, clientId, maxPollRecords, Duration.ZERO);
    }

    /**
     * As {@link #consumer(String, String, int)}, but the broker holds a fetch for up to {@code gather} until 64 KiB
     * are there, so that a trickle of events arrives in batches rather than one record per fetch.
     */
    public KafkaConsumer<String, String> consumer(
            String groupId, String clientId, int maxPollRecords, Duration gather) {
        Properties p = base();
        if (!gather.isZero()) {
            p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(64 * 1024));
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(gather.toMillis()));
        }
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private Properties base() {
        Map<String, Object> copy = new HashMap<>(broker);
        Properties p = new Properties();
        copy.forEach((k, v) -> p.put(k, String.valueOf(v)));
        return p;
    }
}
