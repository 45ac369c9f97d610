package org.confide.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.confide.events.EventData;
import org.confide.events.EventType;
import org.confide.events.Events;
import org.confide.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md "Events on the wire": every event on the three topics, as any CloudEvents consumer would read it, with the
 * CloudEvents Java SDK (Kafka protocol binding, JSON format). Runs after the other system tests (junit-platform.properties)
 * and reads everything they produced, after a short flow of its own that touches each topic and each key rule.
 */
@Order(Integer.MAX_VALUE)
class CloudEventsSystemTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PRACTITIONER = "prac-ce";
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
    }

    private static RequestSpecification as(String service, String role, String org, String sub) {
        return system.at(service, role, org, sub, UUID.randomUUID().toString());
    }

    /** A client, a consent, a raised concern, a policy, a group and a group's decision: every topic, every key rule. */
    private static void produce(String org) throws InterruptedException {
        String client = as("records-service", "practitioner", org, PRACTITIONER)
                .body(
                        "{\"identity\":{\"fullName\":\"Ann Example\",\"dateOfBirth\":\"1990-04-01\"},\"programme\":\"COUNSELLING\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String group = as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"kind\":\"NETWORK\",\"name\":\"Network\",\"programme\":\"NETWORK_MEETING\"}")
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("disclosure-service", "admin", org, "adm")
                .body("{\"requireConsultation\":true}")
                .put("/policy")
                .then()
                .statusCode(200);
        long deadline = System.currentTimeMillis() + 60_000;
        int granted = 0;
        int groupDecision = 0;
        while ((granted != 201 || groupDecision != 200) && System.currentTimeMillis() < deadline) {
            if (granted != 201) {
                granted = as("consent-service", "practitioner", org, PRACTITIONER)
                        .body("{\"clientId\":\"" + client
                                + "\",\"recipient\":{\"type\":\"GP\"},\"categories\":[\"CASE_NOTES\"],"
                                + "\"purpose\":\"CONTINUING_CARE\",\"method\":\"VERBAL\",\"explained\":true}")
                        .post("/consents")
                        .statusCode();
            }
            if (groupDecision != 200) {
                groupDecision = as("consent-service", "service", org, "disclosure-service")
                        .body("{\"groupId\":\"" + group + "\",\"recipientType\":\"GP\",\"category\":\"ATTENDANCE\","
                                + "\"purpose\":\"CONTINUING_CARE\"}")
                        .post("/consent-decisions")
                        .statusCode();
            }
            Thread.sleep(300);
        }
        assertEquals(201, granted, "consent-service never heard of the client");
        assertEquals(200, groupDecision, "consent-service never heard of the group");
        deadline = System.currentTimeMillis() + 60_000;
        int raised = 0;
        while (raised != 201 && System.currentTimeMillis() < deadline) {
            raised = as("disclosure-service", "practitioner", org, PRACTITIONER)
                    .body("{\"clientId\":\"" + client + "\",\"grounds\":[\"RISK_TO_OTHERS\"],\"immediacy\":\"SERIOUS\","
                            + "\"context\":\"ONE_TO_ONE\",\"summary\":\"s\",\"proposedRecipients\":[{\"type\":\"POLICE\"}],"
                            + "\"categories\":[\"RISK_INFORMATION\"]}")
                    .post("/disclosures")
                    .statusCode();
            if (raised != 201) Thread.sleep(300);
        }
        assertEquals(201, raised, "disclosure-service never heard of the client");
    }

    /** Waits until the audit log of {@code org} holds an entry of each type. */
    private static void awaitAudited(String org, Set<String> types) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        Set<String> seen = Set.of();
        while (System.currentTimeMillis() < deadline) {
            seen = new TreeSet<>(as("audit-service", "compliance", org, "auditor")
                    .get("/audit/entries?limit=500")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.type", String.class));
            if (seen.containsAll(types)) return;
            Thread.sleep(300);
        }
        throw new AssertionError("the audit log of " + org + " has " + seen + ", not all of " + types);
    }

    /** Every record of the three topics, from the beginning to the end they have now. */
    private static List<ConsumerRecord<String, byte[]>> everyRecord() {
        Properties p = new Properties();
        p.put("bootstrap.servers", system.broker.bootstrapServers());
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) all.add(r);
                }
            }
            assertTrue(
                    partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp)),
                    "every topic was read to its end");
        }
        return all;
    }

    /** What is wrong with one record, read as a CloudEvents consumer reads it; null when nothing. */
    static String check(ConsumerRecord<String, byte[]> r) {
        Header contentType = r.headers().lastHeader("content-type");
        if (contentType == null
                || !Events.CONTENT_TYPE.equals(new String(contentType.value(), StandardCharsets.UTF_8))) {
            return "no content-type header " + Events.CONTENT_TYPE;
        }
        CloudEvent e;
        try {
            e = KafkaMessageFactory.createReader(r).toEvent();
        } catch (RuntimeException ex) {
            return "the CloudEvents SDK cannot read it: " + ex.getMessage();
        }
        if (e.getSpecVersion() != SpecVersion.V1) return "specversion " + e.getSpecVersion();
        EventType type = Events.byName(e.getType()).orElse(null);
        if (type == null) return "type " + e.getType() + " is not declared in the events module";
        if (!type.topic().equals(r.topic())) return e.getType() + " on " + r.topic() + ", declared on " + type.topic();
        if (e.getData() == null) return e.getType() + " without data";
        EventData data;
        try {
            data = Events.fromData(
                    e.getType(), MAPPER.readValue(e.getData().toBytes(), new TypeReference<Map<String, Object>>() {}));
        } catch (Exception ex) {
            return e.getType() + ": data is not its record: " + ex.getMessage();
        }
        Object org = e.getExtension("org");
        if (org == null) return e.getType() + " without the org extension";
        String key = type.keyOf(data, org.toString());
        if (!key.equals(r.key()))
            return e.getType() + " keyed " + r.key() + ", its rule (" + type.key() + ") says " + key;
        String subject = type.subjectOf(data);
        if (subject == null ? e.getSubject() != null : !subject.equals(e.getSubject())) {
            return e.getType() + ": subject " + e.getSubject() + ", expected " + subject;
        }
        return null;
    }

    @Test
    @DisplayName(
            "docs/api.md Events on the wire: every event the system produced is read by the CloudEvents Java SDK, of a declared type, its data its record, keyed by its rule")
    void everyEventReadsWithTheSdk() throws Exception {
        String org = "ce-" + UUID.randomUUID();
        produce(org);
        Set<String> ours = Set.of(
                "client.registered",
                "group.created",
                "policy.changed",
                "consent.granted",
                "consent.decided",
                "disclosure.raised");
        awaitAudited(org, ours);

        List<ConsumerRecord<String, byte[]>> records = everyRecord();
        Map<String, String> wrong = new TreeMap<>();
        Map<String, Integer> byTopic = new TreeMap<>();
        Set<String> types = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String problem = check(r);
            if (problem != null) {
                wrong.putIfAbsent(problem, r.topic() + "@" + r.partition() + ":" + r.offset());
                continue;
            }
            byTopic.merge(r.topic(), 1, Integer::sum);
            types.add(KafkaMessageFactory.createReader(r).toEvent().getType());
        }
        assertEquals(
                Map.of(),
                wrong,
                "events a CloudEvents consumer cannot take as declared (first record of each problem)");
        assertEquals(Set.copyOf(Topics.ALL), byTopic.keySet(), "events on every topic");
        assertTrue(types.containsAll(ours), "read: " + types);
        System.out.printf(
                "CloudEventsSystemTest: %d events of %d types read with the SDK (%s)%n",
                records.size(), types.size(), byTopic);
    }
}
