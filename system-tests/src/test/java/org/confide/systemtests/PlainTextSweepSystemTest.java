package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.confide.testing.TestDatabase;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Confidential means nowhere in plain text (docs/domain.md R-REC-3, docs/api.md "Everything about a client is
 * destroyed"): every free-text field the API takes is written with a marker, then every text and binary column of
 * every table of every service database, every event on every topic and every service log is searched for it.
 */
class PlainTextSweepSystemTest {

    /** Every marker starts so; nothing else in a run does. */
    private static final String MARK = "zqxmark";
    /** The phone number, which may hold digits only: swept for as a second marker. */
    private static final String PHONE = "07700 918273";

    private static final String PHONE_DIGITS = "918273";
    private static final String PRACTITIONER = "prac-sweep";

    private static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
    }

    private static RequestSpecification as(String service, String role, String org, String sub) {
        return given().baseUri(system.url(service))
                .auth()
                .oauth2(Tokens.token(role, org, sub))
                .contentType(ContentType.JSON);
    }

    private static String mark(String field) {
        return MARK + "-" + field;
    }

    /** A marker as one word, for names and aliases: R-CONF-2 refuses supervision text holding any word of them. */
    private static String word(String field) {
        return MARK + field;
    }

    /** Waits until consent-service and disclosure-service have heard of the client (their allocation copies). */
    private static void awaitKnown(String org, String client) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            int c = as("consent-service", "practitioner", org, PRACTITIONER)
                    .get("/consents?clientId=" + client)
                    .statusCode();
            int d = as("disclosure-service", "practitioner", org, PRACTITIONER)
                    .get("/disclosures?clientId=" + client)
                    .statusCode();
            if (c == 200 && d == 200) return;
            Thread.sleep(300);
        }
        throw new AssertionError("client " + client + " never reached consent-service and disclosure-service");
    }

    /** Writes a marker into every free-text field of the three writing services; returns the clients it made. */
    private static List<String> writeEverything(String org) throws InterruptedException {
        String partnerOrg = org + "-partner";
        as("records-service", "admin", org, "adm")
                .body("{\"partnerOrgs\":[\"" + partnerOrg + "\"]}")
                .put("/settings/partners")
                .then()
                .statusCode(200);
        // With an Idempotency-Key, so that the idempotency store is swept too.
        String client = as("records-service", "practitioner", org, PRACTITIONER)
                .header("Idempotency-Key", "sweep-" + org)
                .body("{\"identity\":{\"fullName\":\"" + word("fullname") + "\",\"email\":\"" + mark("email")
                        + "@example.org\"," + "\"phone\":\"" + PHONE
                        + "\",\"dateOfBirth\":\"1990-04-01\"},\"programme\":\"COUNSELLING\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String referred = as("records-service", "partner", partnerOrg, "partner-api")
                .body("{\"providerOrg\":\"" + org + "\",\"identity\":{\"fullName\":\"" + word("referralname") + "\"},"
                        + "\"programme\":\"ONE_TO_ONE\",\"reason\":\"" + mark("referral-reason") + "\"}")
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("clientId");
        as("records-service", "practitioner", org, PRACTITIONER)
                .header("Idempotency-Key", "sweep-note-" + org)
                .body("{\"sessionDate\":\"2026-11-20\",\"kind\":\"SESSION\",\"body\":\"" + mark("note") + "\"}")
                .post("/clients/" + client + "/notes")
                .then()
                .statusCode(201);
        as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"text\":\"" + mark("supervision") + "\"}")
                .post("/clients/" + client + "/supervision-notes")
                .then()
                .statusCode(201);
        as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"recipient\":\"" + mark("letter-recipient") + "\",\"body\":\"" + mark("letter-body") + "\"}")
                .post("/clients/" + client + "/letters")
                .then()
                .statusCode(201);
        as("records-service", "manager", org, "mgr")
                .body("{\"reason\":\"" + mark("hold-reason") + "\"}")
                .post("/clients/" + client + "/legal-hold")
                .then()
                .statusCode(200);
        as("records-service", "manager", org, "mgr")
                .delete("/clients/" + client + "/legal-hold")
                .then()
                .statusCode(204);

        String group = as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"kind\":\"NETWORK\",\"name\":\"Sweep network\",\"programme\":\"NETWORK_MEETING\"}")
                .post("/groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String member = as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"clientId\":\"" + client + "\",\"groundRulesAgreed\":true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("memberId");
        var anonymous = as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"alias\":\"" + word("alias") + "\",\"groundRulesAgreed\":true}")
                .post("/groups/" + group + "/members")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        as("records-service", "practitioner", org, PRACTITIONER)
                .body("{\"sessionDate\":\"2026-11-21\",\"attendeeIds\":[\"" + member + "\",\""
                        + anonymous.getString("memberId") + "\"],\"note\":\"" + mark("group-note") + "\"}")
                .post("/groups/" + group + "/sessions")
                .then()
                .statusCode(201);

        awaitKnown(org, client);
        String consent = as("consent-service", "practitioner", org, PRACTITIONER)
                .body("{\"clientId\":\"" + client + "\",\"recipient\":{\"type\":\"NAMED_PERSON\",\"name\":\""
                        + mark("consent-recipient")
                        + "\"},\"categories\":[\"CASE_NOTES\"],\"purpose\":\"CONTINUING_CARE\",\"method\":\"WRITTEN_SIGNED\","
                        + "\"explained\":true,\"evidenceRef\":\"" + mark("evidence") + "\"}")
                .post("/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("consent-service", "practitioner", org, PRACTITIONER)
                .body("{\"reason\":\"" + mark("withdrawal") + "\"}")
                .post("/consents/" + consent + "/withdraw")
                .then()
                .statusCode(200);
        as("consent-service", "practitioner", org, PRACTITIONER)
                .body("{\"clientId\":\"" + client + "\",\"matter\":\"OTHER\",\"hasCapacity\":true,\"reasons\":\""
                        + mark("capacity") + "\"}")
                .post("/capacity-assessments")
                .then()
                .statusCode(201);

        String disclosure = as("disclosure-service", "practitioner", org, PRACTITIONER)
                .body("{\"clientId\":\"" + client
                        + "\",\"grounds\":[\"RISK_TO_OTHERS\"],\"immediacy\":\"SERIOUS\",\"context\":\"ONE_TO_ONE\","
                        + "\"summary\":\"" + mark("summary")
                        + "\",\"proposedRecipients\":[{\"type\":\"NAMED_PERSON\",\"name\":\""
                        + mark("proposed-recipient") + "\"}],\"categories\":[\"RISK_INFORMATION\"]}")
                .post("/disclosures")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("disclosure-service", "practitioner", org, PRACTITIONER)
                .body("{\"informed\":true,\"response\":\"REFUSED\",\"reason\":\"" + mark("involvement") + "\"}")
                .post("/disclosures/" + disclosure + "/client-involvement")
                .then()
                .statusCode(200);
        as("disclosure-service", "practitioner", org, PRACTITIONER)
                .body("{\"consultedRole\":\"MANAGER\",\"consultedId\":\"mgr2\",\"advice\":\"SUPPORT\",\"note\":\""
                        + mark("consultation") + "\"}")
                .post("/disclosures/" + disclosure + "/consultations")
                .then()
                .statusCode(201);
        as("disclosure-service", "manager", org, "mgr")
                .body("{\"decision\":\"APPROVED\",\"rationale\":\"" + mark("rationale")
                        + "\",\"lawfulBasis\":\"VITAL_INTERESTS\"}")
                .post("/disclosures/" + disclosure + "/decision")
                .then()
                .statusCode(200);
        as("disclosure-service", "practitioner", org, PRACTITIONER)
                .body("{\"recipientType\":\"NAMED_PERSON\",\"recipientName\":\"" + mark("share-recipient")
                        + "\",\"method\":\"SECURE_PORTAL\"," + "\"categories\":[\"RISK_INFORMATION\"]}")
                .post("/disclosures/" + disclosure + "/shares")
                .then()
                .statusCode(200);
        as("disclosure-service", "practitioner", org, PRACTITIONER)
                .body("{\"supportOffered\":true,\"clientInformedOfOutcome\":true,\"note\":\"" + mark("follow-up")
                        + "\"}")
                .post("/disclosures/" + disclosure + "/follow-up")
                .then()
                .statusCode(200);
        return List.of(client, referred, anonymous.getString("clientId"));
    }

    /** One place a marker was found: database, table, column (or topic, or log file). */
    record Found(String where, String what) {}

    /** Every database of this run (the services' and their key vaults'). */
    private static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        TestDatabase.server() + "/postgres", TestDatabase.user(), TestDatabase.password());
                PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            // Escaped: in LIKE an underscore matches any character, and other tests' databases end in "dsystest".
            ps.setString(1, "confide\\_%" + TestDatabase.name("_systest").replace("_", "\\_"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Every text, JSON and binary column of every table whose value holds a marker, as text or as UTF-8 bytes. */
    private static List<Found> sweepDatabases() throws SQLException {
        List<Found> found = new ArrayList<>();
        String server = TestDatabase.server();
        for (String db : databases()) {
            try (Connection c =
                    DriverManager.getConnection(server + "/" + db, TestDatabase.user(), TestDatabase.password())) {
                List<String[]> columns = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("""
                        SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
                          AND c.data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY')""")) {
                    while (rs.next())
                        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
                for (String[] col : columns) {
                    String ref = "\"" + col[0] + "\".\"" + col[1] + "\"";
                    String value = "\"" + col[2] + "\"";
                    String test = col[3].equals("bytea")
                            ? "position(convert_to('" + MARK + "', 'UTF8') in " + value + ") > 0"
                                    + " OR position(convert_to('" + PHONE_DIGITS + "', 'UTF8') in " + value + ") > 0"
                            : value + "::text LIKE '%" + MARK + "%' OR " + value + "::text LIKE '%" + PHONE_DIGITS
                                    + "%'";
                    try (ResultSet rs =
                            c.createStatement().executeQuery("SELECT count(*) FROM " + ref + " WHERE " + test)) {
                        rs.next();
                        if (rs.getLong(1) > 0)
                            found.add(new Found(db + "." + col[1] + "." + col[2], rs.getLong(1) + " rows"));
                    }
                }
            }
        }
        return found;
    }

    /** Every record of the three topics, read from the beginning. */
    private static List<Found> sweepTopics() {
        List<Found> found = new ArrayList<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", system.broker.bootstrapServers());
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("consent-events", "disclosure-events", "records-events")) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String text = new String(r.value(), StandardCharsets.UTF_8)
                            + (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8));
                    for (var h : r.headers()) text += new String(h.value(), StandardCharsets.UTF_8);
                    if (text.contains(MARK) || text.contains(PHONE_DIGITS))
                        found.add(new Found(r.topic() + "@" + r.offset(), text));
                }
            }
            assertTrue(
                    partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp)),
                    "every topic was read to its end");
        }
        return found;
    }

    /** The services' own logs of this run. */
    private static List<Found> sweepLogs() throws Exception {
        Path dir = Path.of(System.getProperty("confide.root", "..")).resolve("system-tests/target");
        List<Found> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
                lines.stream()
                        .filter(l -> l.contains(MARK) || l.contains(PHONE_DIGITS))
                        .findFirst()
                        .ifPresent(l -> found.add(new Found(log.toString(), l)));
            }
        }
        return found;
    }

    private static List<Found> sweep() throws Exception {
        List<Found> found = new ArrayList<>(sweepDatabases());
        found.addAll(sweepTopics());
        found.addAll(sweepLogs());
        return found;
    }

    @Test
    @DisplayName(
            "R-REC-3: no free text of a client is in plain text in any table, event or log, before or after its destruction")
    void nothingInPlainText() throws Exception {
        String org = "sweep-" + UUID.randomUUID();
        List<String> clients = writeEverything(org);
        // Every event of the run has reached the chain, so the outboxes, topics and audit log are all written.
        awaitAudited(org, "disclosure.followed-up");

        assertEquals(List.of(), sweep(), "a marker is in plain text");

        as("records-service", "admin", org, "adm")
                .body("{\"retentionDays\":0}")
                .put("/settings/retention")
                .then()
                .statusCode(200);
        for (String client : clients) {
            as("records-service", "manager", org, "mgr")
                    .body("{\"type\":\"CONTACT_CEASED\"}")
                    .post("/clients/" + client + "/milestones")
                    .then()
                    .statusCode(201);
        }
        var run = as("records-service", "manager", org, "mgr")
                .post("/retention/run")
                .then()
                .statusCode(200);
        for (String client : clients) run.body("destroyed", hasItem(client));
        awaitAudited(org, "client.destroyed");

        assertEquals(List.of(), sweep(), "a marker is in plain text after destruction");
        // What a backup of a service database holds is ciphertext under per-client keys: with no key left in any
        // key vault, no copy taken before destruction can be read again.
        awaitNoKeys(clients);
    }

    /** Waits until no key vault of the run holds a key of these clients (consent and disclosure learn of it by event). */
    private static void awaitNoKeys(List<String> clients) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> left = keysOf(clients);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            left = keysOf(clients);
        }
        assertEquals(List.of(), left, "a key vault still holds a destroyed client's key");
    }

    private static List<String> keysOf(List<String> clients) throws SQLException {
        List<String> left = new ArrayList<>();
        int vaults = 0;
        for (String db : databases()) {
            if (!db.contains("_keys_")) continue;
            vaults++;
            try (Connection c = DriverManager.getConnection(
                            TestDatabase.server() + "/" + db, TestDatabase.user(), TestDatabase.password());
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT client_id::text FROM client_key WHERE client_id::text = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("text", clients.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) left.add(db + ":" + rs.getString(1));
                }
            }
        }
        assertEquals(3, vaults, "records, consent and disclosure each have a key vault");
        return left;
    }

    /** Waits until an entry of {@code type} is in the organisation's audit chain. */
    private static void awaitAudited(String org, String type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            int n = as("audit-service", "compliance", org, "auditor")
                    .get("/audit/entries?type=" + type)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items")
                    .size();
            if (n > 0) return;
            Thread.sleep(300);
        }
        throw new AssertionError("no " + type + " reached the audit chain of " + org);
    }
}
