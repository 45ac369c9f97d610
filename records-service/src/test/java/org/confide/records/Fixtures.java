package org.confide.records;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.confide.testing.KafkaBroker;
import org.confide.testing.Tokens;

/** What the records tests share: calls as a role, registered clients, events written and published. */
public final class Fixtures {

    public static final String ORG = "org-a";
    public static final String CLIENT_BODY = """
            {"identity": {"fullName": "Sam Jones", "dateOfBirth": "1990-02-03", "email": "sam@example.org",
             "phone": "+44 7700 900123"}, "programme": "COUNSELLING", "limitsExplained": true}""";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {}

    public static RequestSpecification as(String role, String org, String sub) {
        return given().auth().oauth2(Tokens.token(role, org, sub)).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String role, String sub) {
        return as(role, ORG, sub);
    }

    /** A new client of ORG registered by a practitioner (who is therefore allocated to it). */
    public static String client(String practitioner) {
        return as("practitioner", practitioner)
                .body(CLIENT_BODY)
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * R-REF-1: the provider's admin adds these partners to the organisations it accepts referrals from (keeping those
     * already listed, so tests sharing a provider do not undo each other's lists).
     */
    public static void acceptPartners(String providerOrg, String... partners) {
        List<String> listed = new ArrayList<>(as("admin", providerOrg, "adm")
                .get("/settings/partners")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("partnerOrgs", String.class));
        for (String p : partners) {
            if (!listed.contains(p)) listed.add(p);
        }
        as("admin", providerOrg, "adm")
                .body(java.util.Map.of("partnerOrgs", listed))
                .put("/settings/partners")
                .then()
                .statusCode(200);
    }

    /** Rows of a native query, for tests that look at what is stored. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
            List<Object> raw = q.getResultList();
            List<Object[]> out = new ArrayList<>();
            for (Object r : raw) out.add(r instanceof Object[] a ? a : new Object[] {r});
            return out;
        });
    }

    /** The client's wrapped data key as the key vault (R-REC-3, its own database) stores it; null when none. */
    public static byte[] vaultKey(String clientId) {
        var ds = Arc.container()
                .instance(
                        io.agroal.api.AgroalDataSource.class,
                        new io.quarkus.agroal.DataSource.DataSourceLiteral("keys"))
                .get();
        try (var c = ds.getConnection();
                var ps = c.prepareStatement("select wrapped_key from client_key where client_id = ?")) {
            ps.setObject(1, UUID.fromString(clientId));
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of this type about this client that this service wrote to its outbox, oldest first. */
    public static List<JsonNode> outbox(String type, String clientId) {
        List<JsonNode> out = new ArrayList<>();
        for (Object[] r : rows(
                "select payload from outbox_event where event_type = ?1 and message_key = ?2 order by id",
                type,
                clientId)) {
            try {
                out.add(MAPPER.readTree((String) r[0]));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Reads records-events from the start until the event of this type for this client arrives. */
    public static JsonNode awaitEvent(String type, String clientId) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("records-events"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode e = MAPPER.readTree(r.value());
                    if (type.equals(e.get("type").asText())
                            && clientId.equals(e.get("subject").asText())) {
                        if (!clientId.equals(r.key())) throw new AssertionError("events are keyed by client id");
                        return e;
                    }
                }
            }
        }
        throw new AssertionError(type + " for " + clientId + " never reached records-events");
    }
}
