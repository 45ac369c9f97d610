package org.confide.audit.ingest;

import static org.confide.audit.AuditTestSupport.allEntries;
import static org.confide.audit.AuditTestSupport.await;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.confide.audit.config.AuditConfig;
import org.confide.platform.kafka.KafkaClients;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ingest against the real broker when delivery is out of order, or audit-service stops in the middle of a batch. */
@QuarkusTest
class IngestResilienceTest {

    @Inject
    AuditIngestTransport transport;

    @Inject
    AuditIngestHandler handler;

    @Inject
    KafkaClients kafka;

    @Inject
    AuditConfig config;

    static String at(String event, String time) {
        return event.replace("2026-11-22T10:15:00.123Z", time);
    }

    @Test
    @DisplayName(
            "out-of-order delivery across topics: every event once, the trail in chain order with each event's own time, chain valid")
    void outOfOrderAcrossTopics() throws Exception {
        String org = "org-order-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        String corr = UUID.randomUUID().toString();
        // The last step of a disclosure arrives first, on another topic than the steps before it.
        send(
                "disclosure-events",
                client,
                at(
                        event(
                                UUID.randomUUID().toString(),
                                org,
                                "disclosure-service",
                                "disclosure.shared",
                                client,
                                "man-1",
                                "manager",
                                corr,
                                "{\"clientId\":\"" + client + "\"}"),
                        "2026-11-22T10:20:00Z"));
        send(
                "consent-events",
                client,
                at(
                        event(
                                UUID.randomUUID().toString(),
                                org,
                                "consent-service",
                                "consent.decided",
                                client,
                                "svc",
                                "service",
                                corr,
                                "{\"clientId\":\"" + client + "\"}"),
                        "2026-11-22T10:18:00Z"));
        String raised = UUID.randomUUID().toString();
        send(
                "disclosure-events",
                client,
                at(
                        event(
                                raised,
                                org,
                                "disclosure-service",
                                "disclosure.raised",
                                client,
                                "prac-1",
                                "practitioner",
                                corr,
                                "{\"clientId\":\"" + client + "\"}"),
                        "2026-11-22T10:15:00Z"));
        send(
                "records-events",
                client,
                at(
                        event(
                                UUID.randomUUID().toString(),
                                org,
                                "records-service",
                                "record.accessed",
                                client,
                                "prac-1",
                                "practitioner",
                                corr,
                                "{\"clientId\":\"" + client + "\"}"),
                        "2026-11-22T10:16:00Z"));
        send(
                "disclosure-events",
                client,
                at(
                        event(
                                raised,
                                org,
                                "disclosure-service",
                                "disclosure.raised",
                                client,
                                "prac-1",
                                "practitioner",
                                corr,
                                "{\"clientId\":\"" + client + "\"}"),
                        "2026-11-22T10:15:00Z"));
        await("four entries", () -> allEntries(org).size() == 4);
        Thread.sleep(500); // a late duplicate would show up here
        compliance(org)
                .get("/audit/trails/" + corr)
                .then()
                .statusCode(200)
                .body("seq", contains(1, 2, 3, 4))
                .body("findAll { it.type == 'disclosure.shared' }.occurredAt", contains("2026-11-22T10:20:00Z"))
                .body("findAll { it.type == 'disclosure.raised' }.size()", equalTo(1));
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true)).body("checked", equalTo(4));
    }

    @Test
    @DisplayName(
            "audit-service stops mid-batch (before and after its database commit, offsets not committed): after the restart nothing is lost, nothing twice, chain valid")
    void restartMidBatch() throws Exception {
        String org = "org-restart-" + UUID.randomUUID();
        transport.stop(null);
        try {
            Set<String> sent = new HashSet<>();
            String[] topics = {"records-events", "consent-events", "disclosure-events"};
            for (int i = 0; i < 30; i++) {
                String client = UUID.randomUUID().toString();
                String id = UUID.randomUUID().toString();
                sent.add(id);
                send(
                        topics[i % 3],
                        client,
                        event(
                                id,
                                org,
                                "records-service",
                                "record.accessed",
                                client,
                                "prac-1",
                                "practitioner",
                                "c-" + i,
                                "{\"clientId\":\"" + client + "\"}"));
            }
            // First run: the batch is appended but the transaction never commits (the process dies inside it).
            crashingRun(batch -> {
                QuarkusTransaction.begin();
                try {
                    handler.handle(batch);
                } finally {
                    QuarkusTransaction.rollback();
                }
            });
            assertEquals(
                    0,
                    compliance(org)
                            .get("/audit/entries")
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("items")
                            .size());
            // Second run: the database commit happens, the process dies before the offsets are committed.
            crashingRun(batch -> handler.handle(batch));
        } finally {
            transport.start(null); // the restart: the batch is delivered again
        }
        await("thirty entries", () -> allEntries(org).size() == 30);
        Thread.sleep(1000); // redelivered duplicates would show up here
        List<Map<String, Object>> entries = allEntries(org);
        assertEquals(30, entries.size());
        Set<Object> ids = new HashSet<>();
        List<Integer> seqs = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            assertTrue(ids.add(e.get("eventId")), "stored twice: " + e.get("eventId"));
            seqs.add((Integer) e.get("seq"));
        }
        assertEquals(30, ids.size());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList(), seqs, "gapless seq");
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true)).body("checked", equalTo(30));
    }

    interface BatchAction {
        void run(List<ConsumerRecord<String, String>> batch) throws Exception;
    }

    /** A consumer of the service's group that handles what it polls, then dies without committing offsets. */
    private void crashingRun(BatchAction action) throws Exception {
        try (KafkaConsumer<String, String> consumer = kafka.consumer(config.consumerGroup(), "audit-crash", 1000)) {
            consumer.subscribe(config.topics());
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (batch.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
            }
            assertFalse(batch.isEmpty(), "the crashing consumer got records");
            action.run(batch);
        }
    }
}
