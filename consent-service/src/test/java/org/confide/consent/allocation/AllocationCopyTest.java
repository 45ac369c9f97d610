package org.confide.consent.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.allocation.repository.ClientAllocation;
import org.confide.events.EventData;
import org.confide.events.RecordsEvents;
import org.confide.platform.events.CloudEvent;
import org.confide.testing.KafkaBroker;
import org.confide.testing.TestEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationCopyTest {

    @Inject
    AllocationRepository allocations;

    static CloudEvent event(String org, EventData data) {
        return TestEvents.cloudEvent(org, "m1", "manager", "c", data);
    }

    static void publish(CloudEvent... events) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (CloudEvent e : events) producer.send(TestEvents.record(e)).get();
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
    @DisplayName(
            "the allocation copy follows records-events: registered, allocated, ceased, destroyed; redeliveries apply once")
    void followsRecordsEvents() throws Exception {
        String org = "org-copy";
        String client = UUID.randomUUID().toString();
        CloudEvent registered = event(
                org, new RecordsEvents.ClientRegistered(client, "COUNSELLING", "ACTIVE", "p1", true, null, "R-REC-5"));
        publish(
                registered,
                event(
                        org,
                        new RecordsEvents.MilestoneRecorded(
                                client, UUID.randomUUID().toString(), "PRACTITIONER_ALLOCATED", "p2", "ACTIVE")),
                registered,
                event(
                        org,
                        new RecordsEvents.MilestoneRecorded(
                                client, UUID.randomUUID().toString(), "CONTACT_CEASED", null, "CONTACT_CEASED")));
        ClientAllocation ceased = await(
                "contact ceased", () -> allocations.inOrg(org, client).filter(a -> a.status.equals("CONTACT_CEASED")));
        assertEquals("p2", ceased.practitionerId, "the redelivered registration must not undo the later allocation");
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> allocations.inOrg("another-org", client).isEmpty()));

        publish(event(org, new RecordsEvents.ClientDestroyed(client, Instant.now(), "R-REC-3")));
        ClientAllocation destroyed =
                await("destroyed", () -> allocations.inOrg(org, client).filter(a -> a.status.equals("DESTROYED")));
        assertNull(destroyed.practitionerId);
    }

    @Test
    @DisplayName("R-CONF-3: group membership follows member-joined and member-left")
    void groupMembership() throws Exception {
        String org = "org-group";
        String group = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        publish(event(org, new RecordsEvents.GroupMemberJoined(group, "m-a", a, false)));
        publish(event(org, new RecordsEvents.GroupMemberJoined(group, "m-b", b, true)));
        await(
                "two members",
                () -> Optional.of(allocations.activeMembers(org, group)).filter(m -> m.size() == 2));
        publish(event(org, new RecordsEvents.GroupMemberLeft(group, "m-a", a)));
        List<String> left = await(
                "one member",
                () -> Optional.of(allocations.activeMembers(org, group)).filter(m -> m.size() == 1));
        assertEquals(List.of(b), left);
    }

    @Test
    @DisplayName(
            "R-REC-1: a group's facilitators (from group.created and group.facilitator-added) count as allocated to its "
                    + "current members only, in its own organisation")
    void groupFacilitatorsCountAsAllocated() throws Exception {
        String org = "org-facilitators";
        String group = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();
        String outsider = UUID.randomUUID().toString();
        publish(
                event(
                        org,
                        new RecordsEvents.ClientRegistered(
                                outsider, "COUNSELLING", "ACTIVE", "p1", true, null, "R-REC-5")),
                event(org, new RecordsEvents.GroupCreated(group, "PEER_GROUP", "PEER_SUPPORT", List.of("f1"))),
                event(org, new RecordsEvents.GroupFacilitatorAdded(group, "f2")),
                event(org, new RecordsEvents.GroupMemberJoined(group, "m-1", member, false)));
        await(
                "f2 facilitates the member's group",
                () -> Optional.of(true).filter(x -> allocations.facilitatesGroupOf(org, member, "f2")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> allocations.facilitatesGroupOf(org, member, "f1")));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> allocations.facilitatesGroupOf(org, member, "f3")));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> allocations.facilitatesGroupOf(org, outsider, "f1")));
        assertFalse(QuarkusTransaction.requiringNew()
                .call(() -> allocations.facilitatesGroupOf("another-org", member, "f1")));

        publish(event(org, new RecordsEvents.GroupMemberLeft(group, "m-1", member)));
        await(
                "a member who left is no longer the facilitators'",
                () -> Optional.of(true).filter(x -> !allocations.facilitatesGroupOf(org, member, "f1")));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> allocations.facilitatesGroupOf(org, member, "f2")));
    }

    @Test
    @DisplayName(
            "an event that is not what its type declares (a required field missing) is skipped, and the copy goes on")
    void malformedEventIsSkipped() throws Exception {
        String org = "org-malformed";
        String bad = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        CloudEvent valid = event(
                org, new RecordsEvents.ClientRegistered(bad, "COUNSELLING", "ACTIVE", "p1", true, null, "R-REC-5"));
        var data =
                ((com.fasterxml.jackson.databind.node.ObjectNode) valid.data().deepCopy()).without("programme");
        CloudEvent missing = new CloudEvent(
                valid.specversion(),
                valid.id(),
                valid.source(),
                valid.type(),
                valid.time(),
                valid.subject(),
                valid.datacontenttype(),
                valid.org(),
                valid.actorid(),
                valid.actorrole(),
                valid.correlationid(),
                data);
        publish(
                missing,
                event(
                        org,
                        new RecordsEvents.ClientRegistered(
                                good, "COUNSELLING", "ACTIVE", "p1", true, null, "R-REC-5")));
        await("the valid event after the malformed one", () -> allocations.inOrg(org, good));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> allocations.inOrg(org, bad).isEmpty()));
    }
}
