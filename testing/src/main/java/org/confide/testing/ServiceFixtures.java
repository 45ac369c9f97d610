package org.confide.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.events.EventData;
import org.confide.events.RecordsEvents;

/**
 * What the tests of a service with the allocation copy share: known clients and groups (through records-events),
 * calls as a role, the events it wrote to its outbox and to its topic. Each module's {@code Fixtures} extends this.
 */
public abstract class ServiceFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    protected ServiceFixtures() {}

    public static RequestSpecification as(String role, String org, String sub) {
        return given().auth().oauth2(Tokens.token(role, org, sub)).contentType(ContentType.JSON);
    }

    /** Makes new clients of {@code org} allocated to {@code practitionerId} known, through records-events, and waits. */
    public static List<String> knownClients(String org, String practitionerId, int count) {
        List<String> ids = new ArrayList<>();
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(new RecordsEvents.ClientRegistered(
                    id, "COUNSELLING", "ACTIVE", practitionerId, true, null, "R-REC-5"));
        }
        publish(org, events);
        AllocationRepository allocations =
                Arc.container().instance(AllocationRepository.class).get();
        await(
                "clients known",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> ids.stream()
                                .allMatch(id -> allocations.inOrg(org, id).isPresent())));
        return ids;
    }

    public static String knownClient(String org, String practitionerId) {
        return knownClients(org, practitionerId, 1).getFirst();
    }

    /** Makes {@code clientIds} current members of a new group of {@code org} and waits. */
    public static String group(String org, List<String> clientIds) {
        String group = UUID.randomUUID().toString();
        publish(
                org,
                clientIds.stream()
                        .<EventData>map(c -> new RecordsEvents.GroupMemberJoined(
                                group, UUID.randomUUID().toString(), c, false))
                        .toList());
        AllocationRepository allocations =
                Arc.container().instance(AllocationRepository.class).get();
        await(
                "group members",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> allocations.activeMembers(org, group).size() == clientIds.size()));
        return group;
    }

    /** A group that records-service has created and no one has joined yet. */
    public static String emptyGroup(String org) {
        String group = UUID.randomUUID().toString();
        publish(org, List.of(new RecordsEvents.GroupCreated(group, "NETWORK", "NETWORK_MEETING", List.of("prac-1"))));
        AllocationRepository allocations =
                Arc.container().instance(AllocationRepository.class).get();
        await("group created", () -> QuarkusTransaction.requiringNew().call(() -> allocations.groupExists(org, group)));
        return group;
    }

    /** Makes {@code practitionerId} a facilitator of {@code group} (records-service's group.facilitator-added) and waits. */
    public static void facilitate(String org, String group, String practitionerId, String memberClientId) {
        publish(org, List.of(new RecordsEvents.GroupFacilitatorAdded(group, practitionerId)));
        AllocationRepository allocations =
                Arc.container().instance(AllocationRepository.class).get();
        await(
                "facilitator added",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> allocations.facilitatesGroupOf(org, memberClientId, practitionerId)));
    }

    public static void leave(String org, String group, String clientId) {
        publish(
                org,
                List.of(new RecordsEvents.GroupMemberLeft(
                        group, UUID.randomUUID().toString(), clientId)));
        AllocationRepository allocations =
                Arc.container().instance(AllocationRepository.class).get();
        await(
                "member left",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> !allocations.activeMembers(org, group).contains(clientId)));
    }

    /** The events this service wrote to its outbox about a client (or with {@code subject} null: matching data), oldest first. */
    public static List<JsonNode> outboxEvents(String clientId) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        List<String> payloads = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select payload from outbox_event where message_key = ?1 order by id", String.class)
                        .setParameter(1, clientId)
                        .getResultList());
        return payloads.stream().map(ServiceFixtures::json).toList();
    }

    /** The events whose payload mentions {@code text} (a group's events have no client as subject), oldest first. */
    public static List<JsonNode> outboxEventsMentioning(String text) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        List<String> payloads = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select payload from outbox_event where strpos(payload, ?1) > 0 order by id",
                                String.class)
                        .setParameter(1, text)
                        .getResultList());
        return payloads.stream().map(ServiceFixtures::json).toList();
    }

    public static List<String> outboxTypes(String clientId) {
        return outboxEvents(clientId).stream().map(e -> e.get("type").asText()).toList();
    }

    /** The events about {@code clientId} that reached {@code topic}, once {@code expected} of them have. */
    public static List<JsonNode> topicEvents(String topic, String clientId, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && found.size() < expected) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (clientId.equals(r.key())) found.add(json(r.value()));
                }
            }
        }
        return found;
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** The events, as records-service's manager {@code m1} of {@code org} would send them, on their topics. */
    public static void publish(String org, List<EventData> events) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (EventData e : events) {
                producer.send(TestEvents.record(TestEvents.cloudEvent(org, "m1", "manager", "c", e)))
                        .get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
