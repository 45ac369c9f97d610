package org.confide.consent.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.confide.platform.allocation.AllocationRepository;
import org.confide.platform.allocation.ClientAllocation;
import org.confide.testing.KafkaBroker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationCopyTest {

    @Inject
    AllocationRepository allocations;

    static String event(String id, String org, String type, String clientId, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"records-service","type":"%s","time":"2026-11-22T10:15:00Z",
                 "subject":"%s","org":"%s","actorid":"m1","actorrole":"manager","correlationid":"c","data":%s}"""
                .formatted(id, type, clientId, org, data);
    }

    static void publish(String clientId, String... events) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String e : events) producer.send(new ProducerRecord<>("records-events", clientId, e)).get();
        }
    }

    <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> v = QuarkusTransaction.requiringNew().call(probe::get);
            if (v.isPresent()) return v.get();
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    @DisplayName("the allocation copy follows records-events: registered, allocated, ceased, destroyed; redeliveries apply once")
    void followsRecordsEvents() throws Exception {
        String org = "org-copy";
        String client = UUID.randomUUID().toString();
        String registered = UUID.randomUUID().toString();
        publish(client,
                event(registered, org, "client.registered", client, "{\"clientId\":\"" + client + "\",\"status\":\"ACTIVE\",\"allocatedPractitionerId\":\"p1\"}"),
                event(UUID.randomUUID().toString(), org, "milestone.recorded", client, "{\"clientId\":\"" + client + "\",\"type\":\"PRACTITIONER_ALLOCATED\",\"practitionerId\":\"p2\"}"),
                event(registered, org, "client.registered", client, "{\"clientId\":\"" + client + "\",\"status\":\"ACTIVE\",\"allocatedPractitionerId\":\"p1\"}"),
                event(UUID.randomUUID().toString(), org, "milestone.recorded", client, "{\"clientId\":\"" + client + "\",\"type\":\"CONTACT_CEASED\"}"));
        ClientAllocation ceased = await("contact ceased", () -> allocations.inOrg(org, client).filter(a -> a.status.equals("CONTACT_CEASED")));
        assertEquals("p2", ceased.practitionerId, "the redelivered registration must not undo the later allocation");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> allocations.inOrg("another-org", client).isEmpty()));

        publish(client, event(UUID.randomUUID().toString(), org, "client.destroyed", client, "{\"clientId\":\"" + client + "\"}"));
        ClientAllocation destroyed = await("destroyed", () -> allocations.inOrg(org, client).filter(a -> a.status.equals("DESTROYED")));
        assertNull(destroyed.practitionerId);
    }

    @Test
    @DisplayName("R-CONF-3: group membership follows member-joined and member-left")
    void groupMembership() throws Exception {
        String org = "org-group";
        String group = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        publish(a, event(UUID.randomUUID().toString(), org, "group.member-joined", a, "{\"clientId\":\"" + a + "\",\"groupId\":\"" + group + "\"}"));
        publish(b, event(UUID.randomUUID().toString(), org, "group.member-joined", b, "{\"clientId\":\"" + b + "\",\"groupId\":\"" + group + "\"}"));
        await("two members", () -> Optional.of(allocations.activeMembers(org, group)).filter(m -> m.size() == 2));
        publish(a, event(UUID.randomUUID().toString(), org, "group.member-left", a, "{\"clientId\":\"" + a + "\",\"groupId\":\"" + group + "\"}"));
        List<String> left = await("one member", () -> Optional.of(allocations.activeMembers(org, group)).filter(m -> m.size() == 1));
        assertEquals(List.of(b), left);
    }
}
