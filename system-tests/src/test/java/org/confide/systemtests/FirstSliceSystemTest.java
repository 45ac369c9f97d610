package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The first slice across processes: records-service registers a client, its outbox relay publishes
 * client.registered to the real broker, audit-service appends it to the organisation's chain.
 */
class FirstSliceSystemTest {

    private static RunningSystem system;
    private static String records;
    private static String audit;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.get();
        records = system.url("records-service");
        audit = system.url("audit-service");
    }

    private static String register(String org, String name) {
        return given().baseUri(records)
                .auth()
                .oauth2(Tokens.token("practitioner", org, "prac-1"))
                .contentType(ContentType.JSON)
                .body("{\"identity\":{\"fullName\":\"" + name + "\",\"email\":\"x@example.org\"},"
                        + "\"programme\":\"ONE_TO_ONE\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath entries(String org, String clientId) {
        return given().baseUri(audit)
                .auth()
                .oauth2(Tokens.token("compliance", org, "auditor"))
                .get("/audit/entries?clientId=" + clientId + "&type=client.registered")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
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
    @DisplayName(
            "R-REC-5 slice: a registered client appears in the audit chain with no identity in data, and the chain verifies")
    void registerThenAudit() throws Exception {
        String org = "sys-" + UUID.randomUUID();
        String client = register(org, "Robin Private");
        awaitEntries(org, List.of(client), 60);
        JsonPath e = entries(org, client);
        assertEquals("records-service", e.getString("items[0].source"));
        assertEquals("R-REC-5", e.getString("items[0].data.rule"));
        assertFalse(e.prettify().contains("Robin Private"), "no identity in the audit log");
        assertFalse(e.prettify().contains("x@example.org"), "no identity in the audit log");
        given().baseUri(audit)
                .auth()
                .oauth2(Tokens.token("compliance", org, "auditor"))
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("headSeq", equalTo(1));
    }

    @Test
    @DisplayName(
            "Kafka down: every service stays ready (Kafka reported degraded), 40 registrations answer 201, and once it is"
                    + " back every event reaches the chain exactly once")
    void brokerOutage() throws Exception {
        String org = "sys-outage-" + UUID.randomUUID();
        List<String> clients = new ArrayList<>();
        system.broker.stop();
        try {
            for (String service : RunningSystem.SERVICES) awaitKafkaDegraded(system.url(service));
            for (int i = 0; i < 40; i++) {
                clients.add(register(org, "Client " + i));
            }
            for (String service : RunningSystem.SERVICES) {
                given().baseUri(system.url(service))
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"));
            }
        } finally {
            system.broker.start();
        }
        for (String service : RunningSystem.SERVICES) awaitKafka(system.url(service), "UP");
        awaitEntries(org, clients, 180);
        Thread.sleep(2000); // a duplicate would arrive in this time
        for (String c : clients) {
            given().baseUri(audit)
                    .auth()
                    .oauth2(Tokens.token("compliance", org, "auditor"))
                    .get("/audit/entries?clientId=" + c)
                    .then()
                    .statusCode(200)
                    .body("items.findAll { it.type == 'client.registered' }", hasSize(1));
        }
        given().baseUri(audit)
                .auth()
                .oauth2(Tokens.token("compliance", org, "auditor"))
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("headSeq", equalTo(40))
                .body("checked", equalTo(40));
    }

    /** Readiness answers 200 UP throughout, and its Kafka check comes to say DOWN, degraded. */
    private static void awaitKafkaDegraded(String service) throws InterruptedException {
        awaitKafka(service, "DOWN");
        given().baseUri(service)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.data?.kafka != null }.data.degraded", equalTo(true));
    }

    private static void awaitKafka(String service, String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonPath ready = given().baseUri(service)
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .extract()
                    .jsonPath();
            if (state.equals(ready.getString("checks.find { it.data?.kafka != null }.data.kafka"))) return;
            if (System.currentTimeMillis() > deadline)
                throw new AssertionError(
                        service + " readiness never reported kafka " + state + ": " + ready.prettify());
            Thread.sleep(500);
        }
    }
}
