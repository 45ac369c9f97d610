package org.confide.audit;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.confide.auditlog.tree.MerkleTree;
import org.confide.testing.KafkaBroker;
import org.confide.testing.TestDatabase;
import org.confide.testing.Tokens;

/** What the audit tests share: a producer on the real broker, compliance calls, the owner's connection. */
public final class AuditTestSupport {

    public static final String DB = "confide_audit_test";
    private static KafkaProducer<String, String> producer;

    private AuditTestSupport() {}

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
            p.put("key.serializer", StringSerializer.class.getName());
            p.put("value.serializer", StringSerializer.class.getName());
            p.put("acks", "all");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** A CloudEvent as the services write it; {@code data} is a JSON object text. */
    public static String event(
            String id,
            String org,
            String source,
            String type,
            String clientId,
            String actorId,
            String actorRole,
            String correlationId,
            String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","time":"2026-11-22T10:15:00.123Z",
                 "subject":"%s","datacontenttype":"application/json","org":"%s","actorid":"%s","actorrole":"%s",
                 "correlationid":"%s","data":%s}""".formatted(id, source, type, clientId, org, actorId, actorRole, correlationId, data);
    }

    public static void send(String topic, String key, String value) throws Exception {
        producer().send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Sends without waiting for each acknowledgement; {@link #flush()} waits for all of them. */
    public static void sendAsync(String topic, String key, String value) {
        producer().send(new ProducerRecord<>(topic, key, value));
    }

    public static void flush() {
        producer().flush();
    }

    public static RequestSpecification compliance(String org) {
        return given().auth().oauth2(Tokens.token("compliance", org, "auditor-1"));
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Every entry of an organisation, paging through /audit/entries. */
    public static List<Map<String, Object>> allEntries(String org) {
        List<Map<String, Object>> out = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = compliance(org)
                    .get("/audit/entries?limit=500&cursor=" + cursor)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            out.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return out;
    }

    public static long treeSizeOf(String org) {
        var r = compliance(org).get("/audit/checkpoints/latest");
        return r.statusCode() == 200 ? r.jsonPath().getLong("treeSize") : 0;
    }

    /** The Merkle root an outsider computes from the export of the first {@code size} entries. */
    public static String rootOf(List<Map<String, Object>> entries, int size) {
        return HexFormat.of()
                .formatHex(MerkleTree.root(entries.subList(0, size).stream()
                        .map(e -> MerkleTree.leafHash(HexFormat.of().parseHex((String) e.get("hash"))))
                        .toList()));
    }

    /** The database owner's connection: what an attacker with database access holds. */
    public static Connection owner() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(DB), TestDatabase.user(), TestDatabase.password());
    }
}
