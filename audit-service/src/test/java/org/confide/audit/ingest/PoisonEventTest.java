package org.confide.audit.ingest;

import static org.confide.audit.AuditTestSupport.allEntries;
import static org.confide.audit.AuditTestSupport.compliance;
import static org.confide.audit.AuditTestSupport.event;
import static org.confide.audit.AuditTestSupport.owner;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 16: an event the database refuses goes to the dead letter with the reason; the rest of its batch is chained. */
@QuarkusTest
class PoisonEventTest {

    @Inject
    AuditIngestHandler handler;

    @Test
    @DisplayName(
            "issue 16: a batch with poison events (a NUL in a field or in the id, an id too long for its index): the others are chained in order, the poison is in the dead letter with its reason, the chain verifies")
    void poisonInBatch() throws Exception {
        String org = "org-poison-" + UUID.randomUUID();
        String org2 = "org-poison-other-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        long base = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        StringBuilder tooLong = new StringBuilder();
        while (tooLong.length() < 9000)
            tooLong.append(UUID.randomUUID().toString().replace("-", ""));

        List<String> good = new ArrayList<>();
        Map<Long, String> poison = new LinkedHashMap<>();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            String json = id;
            if (i == 9) json = id + "\\u0000"; // a NUL in the event id: refused before COPY, by the duplicate check
            String actor = "prac-1";
            String corr = "c-" + i;
            if (i == 3) actor = "prac-\\u0000"; // a JSON escape: a NUL in the parsed actor id, which COPY refuses
            if (i == 6) corr = tooLong.toString(); // longer than an index entry of audit_entry_correlation may be
            String value = event(
                    json,
                    i == 7 ? org2 : org,
                    "records-service",
                    "record.accessed",
                    client,
                    actor,
                    "practitioner",
                    corr,
                    "{\"clientId\":\"" + client + "\",\"purposeOfUse\":\"CARE\"}");
            batch.add(new ConsumerRecord<>("records-events", 0, base + i, client, value));
            if (i == 3 || i == 6 || i == 9) poison.put(base + i, id);
            else if (i != 7) good.add(id);
        }

        handler.handle(batch);
        handler.handle(batch); // redelivered: nothing twice, the dead letter kept once

        List<Map<String, Object>> entries = allEntries(org);
        assertEquals(good, entries.stream().map(e -> e.get("eventId")).toList(), "the other events, in batch order");
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6),
                entries.stream().map(e -> e.get("seq")).toList(),
                "gapless seq");
        assertEquals(1, allEntries(org2).size(), "another organisation's event of the batch");
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo(6));

        try (Connection c = owner();
                PreparedStatement ps = c.prepareStatement("""
                SELECT "offset", reason, payload, count(*) OVER (PARTITION BY "offset") FROM dead_letter
                WHERE topic = 'records-events' AND partition = 0 AND "offset" BETWEEN ? AND ? ORDER BY "offset\"""")) {
            ps.setLong(1, base);
            ps.setLong(2, base + 9);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> offsets = new ArrayList<>();
                while (rs.next()) {
                    long offset = rs.getLong(1);
                    offsets.add(offset);
                    String reason = rs.getString(2);
                    String payload = rs.getString(3);
                    assertEquals(1, rs.getInt(4), "one dead letter per record");
                    assertTrue(reason.startsWith("the database refused the event"), reason);
                    assertTrue(payload.contains(poison.get(offset)), "the dead letter holds the event: " + payload);
                    assertFalse(payload.contains("\u0000"), "no NUL in the dead letter");
                    if (offset == base + 3) assertTrue(reason.contains("0x00"), reason);
                    if (offset == base + 6) assertTrue(reason.contains("index row"), reason);
                }
                assertEquals(List.copyOf(poison.keySet()), offsets);
            }
        }
    }
}
