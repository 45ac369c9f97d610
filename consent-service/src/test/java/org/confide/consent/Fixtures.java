package org.confide.consent;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.allocation.repository.AllocationRepository;
import org.confide.consent.ageband.repository.AgeBandRepository;
import org.confide.events.EventData;
import org.confide.events.RecordsEvents;
import org.confide.events.age.ConsentAgeBand;
import org.confide.testing.ServiceFixtures;

/** What the consent tests share: the common fixtures, consent-events, and moving a consent's end date. */
public final class Fixtures extends ServiceFixtures {

    private Fixtures() {}

    /**
     * New clients of {@code org} allocated to {@code practitionerId} and 16 or over (R-CONS-5), known through
     * records-events to the allocation copy and to the age bands (R-CONS-6), each its own consumer.
     */
    public static List<String> knownClients(String org, String practitionerId, int count) {
        List<String> ids = new ArrayList<>();
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(new RecordsEvents.ClientRegistered(
                    id,
                    "COUNSELLING",
                    "ACTIVE",
                    practitionerId,
                    true,
                    null,
                    "R-REC-5",
                    ConsentAgeBand.SIXTEEN_OR_OVER));
        }
        publish(org, events);
        awaitKnown(org, ids);
        return ids;
    }

    /** A new client of {@code org}, 16 or over, allocated to {@code practitionerId}. */
    public static String knownClient(String org, String practitionerId) {
        return knownClient(org, practitionerId, ConsentAgeBand.SIXTEEN_OR_OVER);
    }

    /** A new client of {@code org} whose {@code client.registered} carries {@code ageBand} (null: left out). */
    public static String knownClient(String org, String practitionerId, String ageBand) {
        String id = UUID.randomUUID().toString();
        publish(
                org,
                List.of(new RecordsEvents.ClientRegistered(
                        id, "COUNSELLING", "ACTIVE", practitionerId, true, null, "R-REC-5", ageBand)));
        awaitKnown(org, List.of(id));
        return id;
    }

    private static void awaitKnown(String org, List<String> ids) {
        AllocationRepository allocations =
                Arc.container().instance(AllocationRepository.class).get();
        AgeBandRepository bands =
                Arc.container().instance(AgeBandRepository.class).get();
        await(
                "clients known",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> ids.stream()
                                .allMatch(id -> allocations.inOrg(org, id).isPresent()
                                        && bands.findByIdOptional(id).isPresent())));
    }

    /** records-service's {@code client.age-band-changed} (a client turned 16), once this service has applied it. */
    public static void ageBandChanged(String org, String clientId, String band) {
        publish(
                org,
                List.of(new RecordsEvents.ClientAgeBandChanged(clientId, band, ConsentAgeBand.UNDER_16, "R-CONS-6")));
        AgeBandRepository bands =
                Arc.container().instance(AgeBandRepository.class).get();
        await(
                "age band changed",
                () -> QuarkusTransaction.requiringNew().call(() -> band.equals(bands.bandOf(org, clientId))));
    }

    /** The events about {@code clientId} that reached consent-events, once {@code expected} of them have. */
    public static List<JsonNode> topicEvents(String clientId, int expected) {
        return topicEvents("consent-events", clientId, expected);
    }

    /**
     * What consent-service recorded about {@code key} (a client, or a group for a group's decision) as the audit log
     * receives it: the outbox's events and the decisions, which go straight to Kafka (docs/architecture.md), once
     * {@code expected} have arrived, in the order they happened (CloudEvent {@code time}; the two paths reach the topic
     * up to the relay's linger apart).
     */
    public static List<JsonNode> recordedEvents(String key, int expected) {
        List<JsonNode> all = new ArrayList<>(topicEvents(key, expected));
        all.sort(java.util.Comparator.comparing(
                e -> java.time.Instant.parse(e.get("time").asText())));
        return all;
    }

    /** The {@code consent.decided} events keyed {@code key}, once {@code expected} have reached consent-events. */
    public static List<JsonNode> decidedEvents(String key, int expected) {
        return recordedEvents(key, expected).stream()
                .filter(e -> e.get("type").asText().equals("consent.decided"))
                .toList();
    }

    /** Moves a consent's end date (to test what happens once it has passed without waiting for it). */
    public static void setValidUntil(String consentId, String rfc3339) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update consent set valid_until = cast(?1 as timestamptz) where id = cast(?2 as uuid)")
                        .setParameter(1, rfc3339)
                        .setParameter(2, consentId)
                        .executeUpdate());
    }
}
