package org.confide.audit.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.confide.events.ConsentEvents;
import org.confide.events.DisclosureEvents;
import org.confide.events.EventData;
import org.confide.events.EventType;
import org.confide.events.Events;
import org.confide.platform.events.CloudEvent;
import org.confide.testing.KafkaBroker;
import org.confide.testing.TestDatabase;
import org.confide.testing.TestEvents;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditIngestTest {

    private static final String DB = "confide_audit_test";
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    static String event(String id, String org, String type, String clientId, String correlationId) {
        return """
                {"specversion":"1.0","id":"%s","source":"records-service","type":"%s","time":"2026-11-22T10:15:00.123Z",
                 "subject":"%s","datacontenttype":"application/json","org":"%s","actorid":"prac-1","actorrole":"practitioner",
                 "correlationid":"%s","data":{"clientId":"%s","programme":"COUNSELLING"}}""".formatted(id, type, clientId, org, correlationId, clientId);
    }

    static void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    static RequestSpecification compliance(String org) {
        return given().auth().oauth2(Tokens.token("compliance", org, "auditor-1"));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static int entriesOf(String org, String clientId) {
        return compliance(org)
                .get("/audit/entries?clientId=" + clientId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
    }

    static Connection owner() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(DB), TestDatabase.user(), TestDatabase.password());
    }

    @Test
    @DisplayName(
            "events from the three topics land once each in their organisation's chain, seq gapless, linked by hash")
    void ingestOncePerEventId() throws Exception {
        String org = "org-ingest-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        send("records-events", client, event(first, org, "client.registered", client, "c1"));
        send("consent-events", client, event(UUID.randomUUID().toString(), org, "consent.granted", client, "c2"));
        send("disclosure-events", client, event(UUID.randomUUID().toString(), org, "disclosure.raised", client, "c3"));
        send("records-events", client, event(first, org, "client.registered", client, "c1")); // redelivered
        await("three entries", () -> entriesOf(org, client) == 3);
        Thread.sleep(1000); // a late duplicate would show up here
        compliance(org)
                .get("/audit/entries?clientId=" + client)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.seq", contains(1, 2, 3))
                .body("items[0].prevHash", equalTo("0".repeat(64)))
                .body("items[0].data.clientId", equalTo(client))
                .body("items[0].actor.role", equalTo("practitioner"));
        var items = compliance(org)
                .get("/audit/entries?clientId=" + client)
                .then()
                .extract()
                .jsonPath();
        assertEquals(items.getString("items[0].hash"), items.getString("items[1].prevHash"));
        assertEquals(items.getString("items[1].hash"), items.getString("items[2].prevHash"));
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo(3))
                .body("headSeq", equalTo(3))
                .body("headHash", equalTo(items.getString("items[2].hash")))
                .body("firstBrokenSeq", nullValue());
    }

    @Test
    @DisplayName(
            "ingest writes with COPY: tabs, newlines, backslashes, quotes and non-ASCII in an event's fields are stored as sent, and the chain verifies")
    void copyKeepsEveryCharacter() throws Exception {
        String org = "org-copy-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        // JSON escapes: \t tab, \n newline, \\ backslash, \" quote.
        String correlationJson = "c\\t1\\\\n\\\"x\\\" \u00e9";
        String actorJson = "a\\tb\\nc\\r\\\\d \\\"q\\\" \u00fc \\\\N";
        send(
                "records-events",
                client,
                event(UUID.randomUUID().toString(), org, "client.registered", client, "placeholder")
                        .replace("\"placeholder\"", "\"" + correlationJson + "\"")
                        .replace("\"actorid\":\"prac-1\"", "\"actorid\":\"" + actorJson + "\""));
        await("an entry", () -> entriesOf(org, client) == 1);
        compliance(org)
                .get("/audit/entries?clientId=" + client)
                .then()
                .statusCode(200)
                .body("items[0].correlationId", equalTo("c\t1\\n\"x\" \u00e9"))
                .body("items[0].actor.id", equalTo("a\tb\nc\r\\d \"q\" \u00fc \\N"));
        compliance(org)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo(1));
    }

    @Test
    @DisplayName(
            "docs/api.md audit data: a name or free text in an event's data never reaches the log; ids and codes do")
    void dataAllowList() throws Exception {
        String org = "org-allow-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        send(
                "records-events",
                client,
                event(UUID.randomUUID().toString(), org, "client.registered", client, "c")
                        .replace(
                                "\"programme\":\"COUNSELLING\"",
                                "\"programme\":\"COUNSELLING\",\"name\":\"Jane Doe\",\"note\":\"she said\""));
        await("an entry", () -> entriesOf(org, client) == 1);
        compliance(org)
                .get("/audit/entries?clientId=" + client)
                .then()
                .statusCode(200)
                .body("items[0].data.clientId", equalTo(client))
                .body("items[0].data.programme", equalTo("COUNSELLING"))
                .body("items[0].data.name", nullValue())
                .body("items[0].data.note", nullValue());
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true));
    }

    /** An event made from its record, as the outbox makes it, sent on its topic with its key. */
    static CloudEvent send(String org, EventData data) throws Exception {
        CloudEvent e = TestEvents.cloudEvent(org, "mgr-1", "manager", "c", data);
        producer.send(TestEvents.record(e)).get();
        return e;
    }

    @Test
    @DisplayName(
            "issue 17: the codes producers send reach the entry (lawfulBasis and retrospective of a decision, the grounds,"
                    + " immediacy, context and consentChecked of a raised case, the method of a consent, the policy of policy.changed)")
    void producersCodesReachTheEntry() throws Exception {
        // Failed before the events were declared as records: audit's hand-written allow-list dropped every one of
        // these.
        String org = "org-drift-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        send(
                org,
                new DisclosureEvents.Raised(
                        caseId,
                        client,
                        null,
                        "RAISED",
                        "JUSTIFIED",
                        "R-BRK-3",
                        List.of("RISK_TO_OTHERS"),
                        "SERIOUS",
                        "ONE_TO_ONE",
                        List.of("POLICE"),
                        List.of("RISK_INFORMATION"),
                        List.of("R-BRK-3"),
                        1,
                        true));
        send(
                org,
                new DisclosureEvents.Decided(
                        caseId,
                        client,
                        null,
                        "APPROVED",
                        "JUSTIFIED",
                        "R-BRK-3",
                        "APPROVED",
                        "VITAL_INTERESTS",
                        true,
                        "R-PROC-2"));
        send(
                org,
                new ConsentEvents.Granted(
                        UUID.randomUUID().toString(),
                        client,
                        "ACTIVE",
                        "GP",
                        null,
                        "CONTINUING_CARE",
                        List.of("CASE_NOTES"),
                        "WRITTEN_SIGNED",
                        null,
                        "R-CONS-1"));
        send(org, new DisclosureEvents.PolicyChanged(2, true, false, List.of("org-partner"), false, "R-BRK-6"));
        await(
                "four entries",
                () -> compliance(org)
                                .get("/audit/entries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 4);
        var raised = compliance(org)
                .get("/audit/entries?type=disclosure.raised")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("RISK_TO_OTHERS"), raised.getList("items[0].data.grounds"));
        assertEquals("SERIOUS", raised.getString("items[0].data.immediacy"));
        assertEquals("ONE_TO_ONE", raised.getString("items[0].data.context"));
        assertEquals(Boolean.TRUE, raised.get("items[0].data.consentChecked"));
        var decided = compliance(org)
                .get("/audit/entries?type=disclosure.decided")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("VITAL_INTERESTS", decided.getString("items[0].data.lawfulBasis"));
        assertEquals(Boolean.TRUE, decided.get("items[0].data.retrospective"));
        var granted = compliance(org)
                .get("/audit/entries?type=consent.granted")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("WRITTEN_SIGNED", granted.getString("items[0].data.method"));
        var policy = compliance(org)
                .get("/audit/entries?type=policy.changed")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(Boolean.TRUE, policy.get("items[0].data.requireImminenceForRiskToSelf"));
        assertEquals(Boolean.FALSE, policy.get("items[0].data.requireConsultation"));
        assertEquals(List.of("org-partner"), policy.getList("items[0].data.partnerApprovalOrgs"));
        assertEquals(Boolean.FALSE, policy.get("items[0].data.allowEmergencyBeforeApproval"));
    }

    @Test
    @DisplayName(
            "docs/api.md Events on the wire: for every event type, an event with every field set is stored with every field and code")
    void everyTypeWithEveryField() throws Exception {
        String org = "org-contract-" + UUID.randomUUID();
        java.util.Map<String, CloudEvent> sent = new java.util.LinkedHashMap<>();
        for (EventType t : Events.all()) sent.put(t.name(), send(org, Events.sample(t)));
        await(
                "an entry of every type",
                () -> compliance(org)
                                .get("/audit/entries?limit=500")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == sent.size());
        var items = compliance(org)
                .get("/audit/entries?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (int i = 0; i < sent.size(); i++) {
            CloudEvent e = sent.get(items.getString("items[" + i + "].type"));
            assertEquals(e.id(), items.getString("items[" + i + "].eventId"));
            assertEquals(
                    MAPPER.readTree(TestEvents.json(e)).get("data"),
                    MAPPER.valueToTree(items.get("items[" + i + "].data")),
                    e.type());
        }
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    @DisplayName("a poison message is set aside with its reason and ingest goes on")
    void poisonMessage() throws Exception {
        String org = "org-poison-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        send("records-events", client, "this is not json");
        send(
                "records-events",
                client,
                "{\"specversion\":\"1.0\",\"id\":\"x-" + client
                        + "\",\"type\":\"t\",\"source\":\"s\",\"time\":\"2026-11-22T10:15:00Z\"}");
        send("records-events", client, event(UUID.randomUUID().toString(), org, "client.registered", client, "c"));
        await("the good event after the poison", () -> entriesOf(org, client) == 1);
        try (Connection c = owner();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT reason FROM dead_letter WHERE payload = 'this is not json' "
                        + "OR payload LIKE '%x-" + client + "%' ORDER BY id")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("not a CloudEvent"), rs.getString(1));
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains("org"), rs.getString(1));
        }
    }

    @Test
    @DisplayName("the database refuses UPDATE, DELETE and TRUNCATE of the log, and the service's role does not own it")
    void appendOnly() throws Exception {
        String org = "org-guard-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        send("records-events", client, event(UUID.randomUUID().toString(), org, "client.registered", client, "c"));
        await("an entry", () -> entriesOf(org, client) == 1);
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            SQLException update = assertThrows(
                    SQLException.class,
                    () -> st.executeUpdate("UPDATE audit_entry SET type = 'x' WHERE org = '" + org + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(
                    SQLException.class, () -> st.executeUpdate("DELETE FROM audit_entry WHERE org = '" + org + "'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("TRUNCATE audit_entry"));
            try (ResultSet rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_entry'")) {
                rs.next();
                assertFalse("confide_audit_app".equals(rs.getString(1)), "the service role must not own the log");
            }
        }
        try (Connection app = DriverManager.getConnection(TestDatabase.url(DB), "confide_audit_app", "");
                Statement st = app.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute("ALTER TABLE audit_entry DISABLE TRIGGER ALL"));
            assertThrows(SQLException.class, () -> st.execute("DROP TABLE audit_entry"));
        }
    }

    @Test
    @DisplayName("an entry altered behind the triggers' back makes verify name the first broken seq")
    void tamperIsDetected() throws Exception {
        String org = "org-tamper-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            String client = UUID.randomUUID().toString();
            send("records-events", client, event(UUID.randomUUID().toString(), org, "client.registered", client, "c"));
        }
        await(
                "four entries",
                () -> compliance(org)
                                .get("/audit/entries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 4);
        compliance(org).get("/audit/verify").then().body("valid", equalTo(true)).body("checked", equalTo(4));
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
            try {
                st.executeUpdate("UPDATE audit_entry SET data = '{\"clientId\":\"someone-else\"}' WHERE org = '" + org
                        + "' AND seq = 3");
            } finally {
                st.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
            }
        }
        // full=true: the first verify may have recorded a checkpoint past seq 3, which the default verify continues
        // from.
        compliance(org)
                .get("/audit/verify?full=true")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBrokenSeq", equalTo(3))
                .body("headSeq", equalTo(2));
        compliance(org).get("/audit/verify?fromSeq=1&toSeq=2").then().body("valid", equalTo(true));
    }

    @Test
    @DisplayName("compliance only: no token 401, other roles 403, another organisation sees nothing of this one")
    void access() throws Exception {
        String org = "org-access-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        send("records-events", client, event(UUID.randomUUID().toString(), org, "client.registered", client, "c"));
        await("an entry", () -> entriesOf(org, client) == 1);
        given().get("/audit/entries").then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("manager", "practitioner", "admin", "client", "partner", "supervisor")) {
            given().auth()
                    .oauth2(Tokens.token(role, org, "x"))
                    .get("/audit/entries")
                    .then()
                    .statusCode(403);
        }
        compliance("org-other")
                .get("/audit/entries?clientId=" + client)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        compliance(org)
                .get("/audit/entries?from=yesterday")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    @DisplayName("entries page with limit and cursor, oldest first; a trail follows one correlation id")
    void pagingAndTrail() throws Exception {
        String org = "org-page-" + UUID.randomUUID();
        String corr = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            String client = UUID.randomUUID().toString();
            // One key, one partition: the order sent is the order chained (other partitions may interleave).
            send(
                    "disclosure-events",
                    org,
                    event(UUID.randomUUID().toString(), org, "disclosure.raised", client, i % 2 == 0 ? corr : "other"));
        }
        await(
                "five entries",
                () -> compliance(org)
                                .get("/audit/entries")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size()
                        == 5);
        String cursor = compliance(org)
                .get("/audit/entries?limit=3")
                .then()
                .statusCode(200)
                .body("items.seq", contains(1, 2, 3))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        compliance(org)
                .get("/audit/entries?limit=3&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.seq", contains(4, 5))
                .body("nextCursor", nullValue());
        compliance(org).get("/audit/trails/" + corr).then().statusCode(200).body("seq", contains(1, 3, 5));
        compliance(org)
                .get("/audit/entries?type=disclosure.raised&correlationId=" + corr)
                .then()
                .body("items.seq", contains(1, 3, 5));
    }
}
