package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confide.testing.KafkaBroker;
import org.confide.testing.TestDatabase;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The first slice across processes: records-service registers a client, its outbox relay publishes
 * client.registered to the real broker, audit-service appends it to the organisation's chain.
 */
class FirstSliceSystemTest {

    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static KafkaBroker broker;
    private static ServiceProcess records;
    private static ServiceProcess audit;

    @BeforeAll
    static void startSystem() throws Exception {
        broker = KafkaBroker.shared();
        Path key = Files.createTempFile("confide-jwt", ".pem");
        Files.writeString(key, Tokens.publicKeyPem());
        for (String service : List.of("consent-service", "disclosure-service", "records-service", "audit-service")) {
            String short_ = service.replace("-service", "");
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", TestDatabase.fresh("confide_" + short_ + "_systest"));
            config.put("kafka.bootstrap.servers", broker.bootstrapServers());
            config.put("mp.jwt.verify.publickey.location", key.toString());
            config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
            SERVICES.add(ServiceProcess.start(service, config));
        }
        for (ServiceProcess s : SERVICES) s.awaitReady();
        records = SERVICES.get(2);
        audit = SERVICES.get(3);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (ServiceProcess s : SERVICES) s.close();
    }

    private static String register(String org, String name) {
        return given().baseUri(records.url()).auth().oauth2(Tokens.token("practitioner", org, "prac-1"))
                .contentType(ContentType.JSON)
                .body("{\"identity\":{\"fullName\":\"" + name + "\",\"email\":\"x@example.org\"},"
                        + "\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                .post("/clients").then().statusCode(201).extract().path("id");
    }

    private static JsonPath entries(String org, String clientId) {
        return given().baseUri(audit.url()).auth().oauth2(Tokens.token("compliance", org, "auditor"))
                .get("/audit/entries?clientId=" + clientId + "&type=client.registered").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void awaitEntries(String org, List<String> clients, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (clients.stream().allMatch(c -> entries(org, c).getList("items").size() >= 1)) return;
            Thread.sleep(300);
        }
        throw new AssertionError("not every client.registered reached the audit chain in " + seconds + " s");
    }

    @Test
    @DisplayName("R-REC-5 slice: a registered client appears in the audit chain with no identity in data, and the chain verifies")
    void registerThenAudit() throws Exception {
        String org = "sys-" + UUID.randomUUID();
        String client = register(org, "Robin Private");
        awaitEntries(org, List.of(client), 60);
        JsonPath e = entries(org, client);
        assertEquals("records-service", e.getString("items[0].source"));
        assertEquals("R-REC-5", e.getString("items[0].data.rule"));
        assertFalse(e.prettify().contains("Robin Private"), "no identity in the audit log");
        assertFalse(e.prettify().contains("x@example.org"), "no identity in the audit log");
        given().baseUri(audit.url()).auth().oauth2(Tokens.token("compliance", org, "auditor"))
                .get("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("headSeq", equalTo(1));
    }

    @Test
    @DisplayName("Kafka down: registrations still succeed, and once it is back every event reaches the chain exactly once")
    void brokerOutage() throws Exception {
        String org = "sys-outage-" + UUID.randomUUID();
        List<String> clients = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 5; i++) {
                clients.add(register(org, "Client " + i));
            }
        } finally {
            broker.start();
        }
        awaitEntries(org, clients, 120);
        Thread.sleep(2000); // a duplicate would arrive in this time
        for (String c : clients) {
            given().baseUri(audit.url()).auth().oauth2(Tokens.token("compliance", org, "auditor"))
                    .get("/audit/entries?clientId=" + c).then().statusCode(200)
                    .body("items.findAll { it.type == 'client.registered' }", hasSize(1));
        }
        given().baseUri(audit.url()).auth().oauth2(Tokens.token("compliance", org, "auditor"))
                .get("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("headSeq", equalTo(5)).body("checked", equalTo(5));
    }
}
