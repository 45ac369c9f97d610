package org.confide.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.confide.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** records-service → consent-service (its allocation copy) → audit-service, with the real processes. */
class ConsentWithdrawalSystemTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
    }

    private static String decisionBody(String clientId) {
        return "{\"clientId\":\"" + clientId
                + "\",\"recipientType\":\"GP\",\"category\":\"CASE_NOTES\",\"purpose\":\"CONTINUING_CARE\"}";
    }

    @Test
    @DisplayName(
            "R-CONS-4: a consent withdrawn by the client makes the next decision DENY WITHDRAWN; the audit trail shows granted, decided, withdrawn, decided in order")
    void withdrawalTurnsTheDecision() throws Exception {
        String org = "sys-consent-" + UUID.randomUUID();
        String corr = "corr-" + UUID.randomUUID();
        String client = system.at("records-service", "practitioner", org, "prac-1", corr)
                .body(
                        "{\"identity\":{\"fullName\":\"Jo Client\",\"dateOfBirth\":\"1990-04-01\"},\"programme\":\"COUNSELLING\",\"limitsExplained\":true}")
                .post("/clients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // consent-service learns of the client through records-events within seconds (its local copy).
        long deadline = System.currentTimeMillis() + 60_000;
        while (system.at("consent-service", "service", org, "disclosure-service", "probe")
                        .body(decisionBody(client))
                        .post("/consent-decisions")
                        .statusCode()
                != 200) {
            if (System.currentTimeMillis() > deadline)
                throw new AssertionError("consent-service never learnt of the client");
            Thread.sleep(200);
        }

        String consent = system.at("consent-service", "practitioner", org, "prac-1", corr)
                .body("{\"clientId\":\"" + client
                        + "\",\"recipient\":{\"type\":\"GP\"},\"categories\":[\"CASE_NOTES\"],"
                        + "\"purpose\":\"CONTINUING_CARE\",\"method\":\"WRITTEN_SIGNED\",\"explained\":true}")
                .post("/consents")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");
        system.at("consent-service", "service", org, "disclosure-service", corr)
                .body(decisionBody(client))
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("reason", equalTo("CONSENT_ACTIVE"));
        system.at("consent-service", "client", org, client, corr)
                .body("{}")
                .post("/me/consents/" + consent + "/withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        system.at("consent-service", "service", org, "disclosure-service", corr)
                .body(decisionBody(client))
                .post("/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("WITHDRAWN"));

        List<String> expected = List.of("consent.granted", "consent.decided", "consent.withdrawn", "consent.decided");
        List<String> types = List.of();
        deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            types = given().baseUri(system.url("audit-service"))
                    .auth()
                    .oauth2(Tokens.token("compliance", org, "auditor"))
                    .get("/audit/trails/" + corr)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("type", String.class);
            // The trail holds client.registered too (same correlation id): wait for the consent steps themselves.
            if (types.stream().filter(t -> t.startsWith("consent.")).count() >= expected.size()) break;
            Thread.sleep(300);
        }
        assertEquals(
                expected, types.stream().filter(t -> t.startsWith("consent.")).toList());
    }
}
